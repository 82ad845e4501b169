/**
 * Dev server only (`npm start`): the docs (`/docs/*.md`, README.md, SECURITY.md) open as readable
 * pages when a browser navigates to them, so the demo pages' links to the guides show the guide,
 * not raw markdown. A request that is not a page navigation (a fetch, a download tool) still gets
 * the markdown file as it is.
 *
 * The renderer knows what the repository's docs use and nothing more: headings, paragraphs,
 * fenced code, tables, lists, quotes, rules, `code`, **bold**, *italic*, [links](…) and <https://…>.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Plugin } from 'vite';

const DOC = /^\/(?:docs\/[\w-]+|README|SECURITY)\.md$/;

export function docsAsHtml(root: string): Plugin {
  return {
    name: 'referral-docs-as-html',
    configureServer(server) {
      server.middlewares.use(async (req, res, next) => {
        const url = new URL(req.url ?? '/', 'http://localhost');
        const wantsPage = (req.headers.accept ?? '').includes('text/html');
        if (!wantsPage || !DOC.test(url.pathname)) return next();
        let markdown: string;
        try {
          markdown = await readFile(path.join(root, url.pathname), 'utf8');
        } catch {
          return next();
        }
        res.setHeader('content-type', 'text/html; charset=utf-8');
        res.end(docPage(url.pathname, markdown));
      });
    },
  };
}

export function docPage(name: string, markdown: string): string {
  const title = /^# (.+)$/m.exec(markdown)?.[1] ?? name;
  return `<!doctype html>
<html lang="da">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<link rel="icon" href="/demo/favicon.svg" type="image/svg+xml" />
<title>${escapeHtml(stripInline(title))}</title>
<style>
  body { font: 1rem/1.55 system-ui, sans-serif; color: #1a1a1a; margin: 0; }
  main { max-width: 52rem; margin: 0 auto; padding: 1.5rem; }
  pre { background: #f3f3f3; padding: 0.75rem 1rem; overflow-x: auto; font-size: 0.875rem; }
  code { font-size: 0.9em; }
  table { border-collapse: collapse; display: block; overflow-x: auto; }
  th, td { border: 1px solid #c4c4c4; padding: 0.35rem 0.6rem; text-align: start; vertical-align: top; }
  blockquote { border-left: 4px solid #c4c4c4; margin: 0; padding-left: 1rem; }
  a { color: #004993; }
  .source { color: #454545; font-size: 0.875rem; }
</style>
</head>
<body>
<main>
<p class="source">${escapeHtml(name.slice(1))}</p>
${markdownToHtml(markdown)}
</main>
</body>
</html>
`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

function stripInline(text: string): string {
  return text.replace(/[`*]/g, '');
}

function slug(text: string): string {
  return stripInline(text)
    .toLowerCase()
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .trim()
    .replace(/\s+/g, '-');
}

function inline(text: string): string {
  const codes: string[] = [];
  let out = text.replace(/`([^`]+)`/g, (_, code: string) => {
    codes.push(`<code>${escapeHtml(code)}</code>`);
    return `\u0000${codes.length - 1}\u0000`;
  });
  out = escapeHtml(out)
    .replace(/&lt;(https?:\/\/[^\s&]+)&gt;/g, '<a href="$1">$1</a>')
    .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, '<a href="$2">$1</a>')
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
    .replace(/(^|[\s(])\*([^*\s][^*]*)\*/g, '$1<em>$2</em>');
  return out.replace(/\u0000(\d+)\u0000/g, (_, i: string) => codes[Number(i)]);
}

function cells(row: string): string[] {
  return row.replace(/^\s*\|/, '').replace(/\|\s*$/, '').split('|').map((c) => c.trim());
}

export function markdownToHtml(markdown: string): string {
  const lines = markdown.replace(/\r\n/g, '\n').split('\n');
  const out: string[] = [];
  let i = 0;
  const isBlockStart = (line: string) => /^(#{1,6} |```|\s*[-*] |\s*\d+\. |>|\||---\s*$)/.test(line);
  while (i < lines.length) {
    const line = lines[i];
    if (line.trim() === '' || /^<!--.*-->$/.test(line.trim())) {
      i++;
    } else if (line.startsWith('```')) {
      const code: string[] = [];
      for (i++; i < lines.length && !lines[i].startsWith('```'); i++) code.push(lines[i]);
      i++;
      out.push(`<pre><code>${escapeHtml(code.join('\n'))}</code></pre>`);
    } else if (/^#{1,6} /.test(line)) {
      const level = /^#+/.exec(line)![0].length;
      const text = line.slice(level + 1).trim();
      out.push(`<h${level} id="${slug(text)}">${inline(text)}</h${level}>`);
      i++;
    } else if (/^---\s*$/.test(line)) {
      out.push('<hr />');
      i++;
    } else if (line.startsWith('|')) {
      const rows: string[] = [];
      for (; i < lines.length && lines[i].startsWith('|'); i++) rows.push(lines[i]);
      const [head, , ...body] = rows;
      out.push(
        `<table><thead><tr>${cells(head).map((c) => `<th>${inline(c)}</th>`).join('')}</tr></thead><tbody>${body
          .map((r) => `<tr>${cells(r).map((c) => `<td>${inline(c)}</td>`).join('')}</tr>`)
          .join('')}</tbody></table>`,
      );
    } else if (line.startsWith('>')) {
      const quote: string[] = [];
      for (; i < lines.length && lines[i].startsWith('>'); i++) quote.push(lines[i].replace(/^>\s?/, ''));
      out.push(`<blockquote>${markdownToHtml(quote.join('\n'))}</blockquote>`);
    } else if (/^\s*([-*]|\d+\.) /.test(line)) {
      const ordered = /^\s*\d+\. /.test(line);
      const items: string[] = [];
      for (; i < lines.length && lines[i].trim() !== ''; i++) {
        if (/^\s*([-*]|\d+\.) /.test(lines[i])) items.push(lines[i].replace(/^\s*([-*]|\d+\.) /, ''));
        else items[items.length - 1] += ` ${lines[i].trim()}`;
      }
      const tag = ordered ? 'ol' : 'ul';
      out.push(`<${tag}>${items.map((it) => `<li>${inline(it)}</li>`).join('')}</${tag}>`);
    } else {
      const para: string[] = [];
      for (; i < lines.length && lines[i].trim() !== '' && !(para.length && isBlockStart(lines[i])); i++) para.push(lines[i].trim());
      out.push(`<p>${inline(para.join(' '))}</p>`);
    }
  }
  return out.join('\n');
}
