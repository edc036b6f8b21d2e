import Markdown, { type Components } from "react-markdown";

// Guidelines are Markdown written by workspace editors and read by everyone in the
// workspace, so they are rendered without raw HTML (skipHtml; react-markdown also drops
// javascript: and other unsafe URLs). Links open apart from the app and pass nothing on
// (rel); images are not loaded (a third-party image would tell its host who is reading)
// but shown as links. Headings start at level 3, under the page's own h1 and h2.
const linkRel = "noopener noreferrer nofollow";

const components: Components = {
  a: ({ href, children }) => (
    <a href={href} rel={linkRel} target="_blank" className="text-sky-800 underline">
      {children}
    </a>
  ),
  img: ({ src, alt }) =>
    typeof src === "string" && src ? (
      <a href={src} rel={linkRel} target="_blank" className="text-sky-800 underline">
        {alt ? `Image: ${alt}` : "Image"}
      </a>
    ) : null,
  h1: ({ children }) => <h3 className="mt-4 text-lg font-semibold">{children}</h3>,
  h2: ({ children }) => <h4 className="mt-3 font-semibold">{children}</h4>,
  h3: ({ children }) => <h5 className="mt-3 font-semibold">{children}</h5>,
  h4: ({ children }) => <h6 className="mt-2 font-semibold">{children}</h6>,
  h5: ({ children }) => <h6 className="mt-2 font-semibold">{children}</h6>,
  h6: ({ children }) => <h6 className="mt-2 font-semibold">{children}</h6>,
};

type SafeMarkdownProps = { children: string; className?: string };

export function SafeMarkdown({ children, className = "" }: SafeMarkdownProps) {
  return (
    <div
      className={`flex flex-col gap-2 text-stone-900 [&_blockquote]:border-l-4 [&_blockquote]:border-stone-300 [&_blockquote]:pl-3 [&_code]:rounded [&_code]:bg-stone-100 [&_code]:px-1 [&_ol]:list-decimal [&_ol]:pl-6 [&_pre]:overflow-x-auto [&_pre]:rounded [&_pre]:bg-stone-100 [&_pre]:p-2 [&_ul]:list-disc [&_ul]:pl-6 ${className}`}
    >
      <Markdown components={components} skipHtml>
        {children}
      </Markdown>
    </div>
  );
}
