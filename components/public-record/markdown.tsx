// A policy's Markdown as the public reads it. Raw HTML in the text is dropped, never rendered;
// links keep only http(s), mailto and same-site addresses; images are not shown (a policy's text
// is words, and a picture could call out to another site).
import Markdown from "react-markdown";
import { safeUrl } from "@/lib/public-record/safe-url";

export function PolicyMarkdown({ text }: { text: string }) {
  return (
    <div className="policy-text flex flex-col gap-3 leading-relaxed [&_a]:text-brand [&_a]:underline [&_h3]:text-xl [&_h3]:font-semibold [&_h4]:text-lg [&_h4]:font-semibold [&_h5]:font-semibold [&_ol]:list-decimal [&_ol]:pl-6 [&_ul]:list-disc [&_ul]:pl-6">
      <Markdown
        skipHtml
        urlTransform={safeUrl}
        disallowedElements={["img"]}
        components={{
          // A heading inside a policy sits below the page's own headings.
          h1: ({ children }) => <h3>{children}</h3>,
          h2: ({ children }) => <h4>{children}</h4>,
          h3: ({ children }) => <h5>{children}</h5>,
          a: ({ href, children }) =>
            href ? (
              <a href={href} rel="nofollow noopener noreferrer">
                {children}
              </a>
            ) : (
              <span>{children}</span>
            ),
        }}
      >
        {text}
      </Markdown>
    </div>
  );
}
