/** `mimeo --help`. */
export const mainHelp = `mimeo: a Git-based static webzine generator

Usage: mimeo <command> [options]

Commands:
  build    build the webzine: <out>/web (site and feeds), <out>/gemini (capsule)
  check    check the webzine for mistakes without writing anything
  schema   print the JSON Schema of site.yml and of front matter
  dev      live preview (not available yet)
  new      scaffold an issue, article or page (not available yet)

Options:
  -h, --help      show help (also: mimeo <command> --help)
  -v, --version   show mimeo's version

Exit codes: 0 success, 1 mistakes in the content, 2 wrong usage, 3 a bug in mimeo.
`;

/** `mimeo build --help`. */
export const buildHelp = `Usage: mimeo build [options]

Builds the webzine in --root into --out: web/ is the website with its Atom
and RSS feeds, gemini/ the Gemini capsule (when site.yml has geminiUrl). The build is
written to a staging folder and swapped in, so a failed build leaves the
previous output untouched. Ends with one summary line.

Options:
  --root DIR       the webzine's folder, which holds content/ (default: .)
  --out DIR        where web/ and gemini/ are written (default: <root>/dist)
  --drafts         also build draft issues and articles, marked as drafts
  --base-url URL   the address the site is published at (default: baseUrl of site.yml)
  --debug          show the underlying error of each problem
  -h, --help       show this help
`;

/** `mimeo check --help`. */
export const checkHelp = `Usage: mimeo check [options]

Checks everything build checks (site.yml, front matter, names, links,
anchors, images, templates) without writing anything. Exit code 1 when
there is an error.

Options:
  --root DIR        the webzine's folder, which holds content/ (default: .)
  --format FORMAT   text (default), json (one object a line) or github
                    (workflow annotations)
  --drafts          also check drafts as build --drafts would
  --debug           show the underlying error of each problem
  -h, --help        show this help
`;

/** `mimeo schema --help`. */
export const schemaHelp = `Usage: mimeo schema [site|issue|article|page|authors]

Prints the JSON Schema of site.yml, of issue, article and page front matter,
or of authors.yml; all of them in one document without an argument.

Options:
  -h, --help   show this help
`;
