import type { RuleMatch } from "./types";

type BoilerplateRule = {
  id: string;
  description: string;
  // Matches a whole line (paragraph), after trimming.
  line: RegExp;
};

function wholeLine(alternatives: string[]): RegExp {
  return new RegExp(`^(?:${alternatives.join("|")})$`, "iu");
}

// Longer lines are article text even when they start like furniture.
const maxLineLength = 200;

export const boilerplateRules: BoilerplateRule[] = [
  {
    id: "boilerplate.navigation",
    description: 'Site navigation: "Skip to content", "Previous Post Next Post", "Read more".',
    line: wholeLine([
      String.raw`skip\s+to\s+(?:the\s+)?(?:main\s+)?(?:content|navigation|search|footer|article)`,
      String.raw`(?:(?:previous|prev|older|newer|next)\s+(?:post|article|story|page|entry)s?\s*[|·•»«›‹<>-]*\s*){1,2}`,
      String.raw`(?:read|see)\s+(?:more|next|also)(?:\s*[:›»>-].*)?`,
      String.raw`continue\s+reading.*`,
      String.raw`related\s+(?:articles|posts|stories|content|reading|news)[:.]?`,
      String.raw`you\s+(?:may|might)\s+also\s+(?:like|be\s+interested\s+in)[:.]?`,
      String.raw`recommended(?:\s+(?:for\s+you|stories|articles|reading))?[:.]?`,
      String.raw`(?:most\s+(?:read|popular|viewed)|trending(?:\s+now)?|top\s+stories)[:.]?`,
      String.raw`back\s+to\s+top`,
      String.raw`\d+\s+min(?:ute)?s?\s+read`,
      String.raw`listen\s+to\s+this\s+article.*`,
      String.raw`print\s+this\s+(?:article|page|story)`,
      String.raw`(?:tags?|labels?|filed\s+under|categories|category)\s*:.*`,
    ]),
  },
  {
    id: "boilerplate.comments",
    description: 'Comment widgets: "Post a Comment", "Leave a reply", "12 comments".',
    line: wholeLine([
      String.raw`post\s+a\s+comment`,
      String.raw`(?:leave|add|write)\s+a\s+(?:comment|reply)`,
      String.raw`\d+\s+(?:comments?|replies|responses)`,
      String.raw`comments?\s*\(\d+\)`,
      String.raw`(?:show|view|hide|load)\s+(?:all\s+)?comments`,
      String.raw`please\s+select\s+embedded\s+mode\s+to\s+show\s+the\s+comment\s+system\.?\*?`,
      String.raw`join\s+the\s+(?:conversation|discussion)`,
    ]),
  },
  {
    id: "boilerplate.subscription",
    description:
      'Subscription and sign-up prompts: "Subscribe to our newsletter", "Already a subscriber?".',
    line: wholeLine([
      String.raw`subscribe(?:\s+(?:now|today|here))?[.!]?`,
      String.raw`subscribe\s+(?:to|for)\s+.*`,
      String.raw`sign\s+up\s+(?:for|to)\s+.*(?:newsletter|updates|alerts|briefing).*`,
      String.raw`already\s+(?:a\s+)?(?:subscriber|member|registered)\??(?:\s*(?:log|sign)\s+in[.!]?)?`,
      String.raw`become\s+a\s+(?:member|subscriber|supporter|patron).*`,
      String.raw`support\s+(?:our|independent|quality|local)\s+journalism.*`,
      String.raw`(?:get|enjoy)\s+unlimited\s+(?:digital\s+)?access.*`,
      String.raw`create\s+a\s+free\s+account.*`,
      String.raw`(?:this|the)\s+(?:article|story|content)\s+is\s+(?:only\s+)?(?:for|available\s+to)\s+(?:subscribers|members).*`,
      String.raw`(?:log|sign)\s+in\s+to\s+(?:continue|read|comment|keep\s+reading).*`,
      String.raw`get\s+(?:our|the)\s+(?:daily|weekly|free|morning|evening)\s+newsletter.*`,
      String.raw`thanks?(?:\s+you)?\s+for\s+reading[.!]*`,
    ]),
  },
  {
    id: "boilerplate.ai-illustration",
    description:
      'Captions for AI-made images: "AI-generated illustration", "Image created with AI".',
    line: wholeLine([
      String.raw`(?:(?:photo|image|illustration|picture|graphic|caption|credit)s?\s*[:|–—-]\s*)?(?:an?\s+)?(?:ai|a\.i\.)[\s-]+(?:generated|created)\s+(?:illustration|image|picture|photo|graphic|artwork|visual)s?(?:\s+.{0,80})?`,
      String.raw`(?:illustration|image|picture|photo|graphic|artwork)\s+(?:generated|created|made)\s+(?:by|with|using)\s+(?:ai|a\.i\.|artificial\s+intelligence|midjourney|dall[·-]?e(?:\s+\d)?|stable\s+diffusion|chatgpt|gemini|adobe\s+firefly|firefly|copilot)(?:\s+.{0,80})?`,
    ]),
  },
  {
    id: "boilerplate.share",
    description: 'Share and follow prompts: "Share this article", "Follow us on ...".',
    line: wholeLine([
      String.raw`share(?:\s+(?:this|on|via|with)(?:\s+.{0,60})?)?[:.!]?`,
      String.raw`click\s+to\s+(?:share|print|email).*`,
      String.raw`follow\s+(?:us|me)\s+on.*`,
      String.raw`like\s+us\s+on\s+facebook.*`,
      String.raw`(?:(?:facebook|twitter|x|whatsapp|linkedin|telegram|email|e-mail|pinterest|reddit|print|copy\s+link|tweet)\s*[|·•,/]?\s*){2,}`,
    ]),
  },
  {
    id: "boilerplate.legal",
    description:
      'Cookie notices, copyright lines and ad slots: "All rights reserved", "Advertisement".',
    line: wholeLine([
      String.raw`advertisement|sponsored(?:\s+content)?|ad\s+feedback`,
      String.raw`we\s+use\s+cookies.*`,
      String.raw`accept\s+(?:all\s+)?cookies`,
      String.raw`cookie\s+(?:settings|policy|preferences)`,
      String.raw`(?:.{0,80}\s)?all\s+rights\s+reserved\.?`,
      String.raw`(?:copyright\s*)?©\s*\d{4}.*`,
      String.raw`copyright\s+\d{4}.*`,
    ]),
  },
];

export type BoilerplateMatch = RuleMatch & { ruleId: string; ruleDescription: string };

// Whole paragraphs (lines) of page furniture. A line is checked only when it is short,
// so article sentences that merely mention "subscribe" are left alone.
export function findBoilerplate(text: string): BoilerplateMatch[] {
  const matches: BoilerplateMatch[] = [];

  for (const line of text.matchAll(/[^\n]+/g)) {
    const trimmed = line[0].trim();
    if (trimmed.length === 0 || trimmed.length > maxLineLength) {
      continue;
    }

    const rule = boilerplateRules.find((candidate) => candidate.line.test(trimmed));
    if (rule) {
      const utf16Start = line.index + line[0].indexOf(trimmed);
      matches.push({
        utf16Start,
        utf16End: utf16Start + trimmed.length,
        ruleId: rule.id,
        ruleDescription: rule.description,
      });
    }
  }

  return matches;
}
