import Markdown, { type Components } from "react-markdown";

// Instructions are Markdown written by instructors and read by students: no raw HTML
// (skipHtml; react-markdown also drops javascript: and other unsafe URLs), links open
// apart and pass nothing on, and images are shown as links rather than loaded.
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
  h1: ({ children }) => <h3 className="mt-3 text-lg font-semibold">{children}</h3>,
  h2: ({ children }) => <h4 className="mt-3 font-semibold">{children}</h4>,
  h3: ({ children }) => <h5 className="mt-2 font-semibold">{children}</h5>,
};

export function Instructions({ markdown }: { markdown: string }) {
  return (
    <div
      className="flex flex-col gap-2 [&_code]:rounded [&_code]:bg-stone-100 [&_code]:px-1 [&_ol]:list-decimal [&_ol]:pl-6 [&_ul]:list-disc [&_ul]:pl-6"
      data-testid="assignment-instructions"
    >
      <Markdown components={components} skipHtml>
        {markdown}
      </Markdown>
    </div>
  );
}
