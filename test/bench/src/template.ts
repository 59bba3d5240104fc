// The one page template every subject is measured on: a short article with the widget's slot in the
// flow, above the fold, so that a widget that pushes the text down shows up as layout shift.
const para =
  'Acme makes tools for people who build things. This page is a stand-in for a brand\u2019s article: a heading, a few paragraphs of text, and a place in the flow where the brand pasted a survey.';

export interface PageParts {
  /** Markup inside the slot (Kith's element), empty for peers that render with JavaScript. */
  slot?: string;
  /** The subject's own CSS rules, inline in the head (what its docs tell a brand to add). */
  css?: string;
  /** Module scripts and stylesheets of the subject's build. */
  scripts: string[];
  styles?: string[];
}

export function template(parts: PageParts): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Acme journal</title>
<link rel="icon" href="data:,">
<style>
  body { margin: 0; font: 16px/1.5 system-ui, sans-serif; color: #1f2328; background: #fff; }
  header { padding: 0.75rem 1rem; border-bottom: 1px solid #d0d7de; font-weight: 600; }
  main { max-width: 42rem; margin: 0 auto; padding: 1rem; }
  #slot { margin: 1.5rem 0; }${parts.css ? `\n  ${parts.css}` : ''}
</style>
${(parts.styles ?? []).map((href) => `<link rel="stylesheet" href="${href}">`).join('\n')}
</head>
<body>
<header>Acme</header>
<main>
  <h1>What we shipped this quarter</h1>
  <p>${para}</p>
  <div id="slot">${parts.slot ?? ''}</div>
  <p>${para}</p>
  <p>${para}</p>
  <p>${para}</p>
  <p>${para}</p>
</main>
${parts.scripts.map((src) => `<script type="module" src="${src}"></script>`).join('\n')}
</body>
</html>
`;
}
