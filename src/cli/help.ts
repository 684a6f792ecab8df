/** `mimeo --help`. */
export const mainHelp = `mimeo: a Git-based static webzine generator

Usage: mimeo <command> [options]

Commands:
  build    build the webzine: <out>/web (site and feeds), <out>/gemini (capsule)
  check    check the webzine for mistakes without writing anything
  schema   print the JSON Schema of site.yml, of front matter and of authors.yml
  dev      preview the webzine with drafts, rebuilt and reloaded as you save
  new      start a webzine, or an issue, article, page or translation in one

Options:
  -h, --help      show help (mimeo --help <command>, or mimeo <command> --help,
                  shows a command's)
  -v, --version   show mimeo's version

Exit codes: 0 success, 1 mistakes in the content, 2 wrong usage, 3 the file
system refused a read or a write (a full disk, a read-only folder, a folder of
content/ mimeo may not read) or a bug in mimeo; a build stopped by Ctrl+C or
kill exits 128 + the signal (130 for SIGINT, 143 for SIGTERM, 129 for SIGHUP),
its output the previous build's or wholly this one's.
`;

/** `mimeo build --help`. */
export const buildHelp = `Usage: mimeo build [options]

Builds the webzine in --root into --out: web/ is the website with its Atom
and RSS feeds, gemini/ the Gemini capsule (when site.yml has geminiUrl). The build is
written to a staging folder first, so a failed build leaves the previous
output untouched; then only new and changed files are moved into place, and
files the build no longer makes are removed. Ends with one summary line; on a terminal (not in
CI) a single updating line shows the Markdown files compiled so far.

Each Markdown file is compiled once and kept in a cache, so the next build
compiles only what changed, and pages whose inputs did not change are taken
from the previous build instead of being rendered again. Entries no build
uses any more are removed from time to time. When nothing the last build was
made of changed (content/, the theme, the Git commit and uncommitted files,
the options, Node and its ICU, mimeo and its packages; not the time zone,
since dates are written the same in every one) and its output is as it left
it, the build says "nothing changed" and what that build said, and does no
other work.

Options:
  --root DIR       the webzine's folder, which holds content/ (default: the
                   current folder, or the nearest above with content/site.yml)
  --out DIR        where web/ and gemini/ are written (default: <root>/dist);
                   never the root, a folder holding it, or inside content/,
                   symbolic links followed, nor reached through a symbolic
                   link committed to Git
  --drafts         also build draft issues and articles, marked as drafts
  --base-url URL   the https address the site is published at (default: baseUrl
                   of site.yml); http only on localhost, 127.0.0.1 or [::1], for
                   a preview on this machine
  --cache-dir DIR  where the cache is kept, e.g. a folder CI saves between runs
                   (default: <root>/node_modules/.cache/mimeo); a cache that
                   holds files committed to Git is not used; one that can not
                   be written (a file, a read-only folder) is named in a note
                   and the build keeps nothing for the next one
  --no-cache       neither read nor write the cache: compile and render everything
                   (and never say "nothing changed")
  --jobs N         worker threads that compile Markdown (1: none, the main
                   thread does; default: one a core when 200 files or more
                   must be compiled, else none)
  --debug          show the underlying error of each problem (always builds)
  -h, --help       show this help
`;

/** `mimeo check --help`. */
export const checkHelp = `Usage: mimeo check [options]

Checks everything build checks (site.yml, front matter, names, links,
anchors, images, the theme's templates and the scaffolds mimeo new starts
files from) without writing any output; it shares build's
cache of compiled Markdown. The links and images of drafts are checked too,
as the build that publishes them will see them, so a pull request into the
coming issue is checked now, and so is script that a template shows only on
drafts' pages (the first page of each template is also made as a draft's).
Exit code 1 when there is an error.

Options:
  --root DIR        the webzine's folder, which holds content/ (default: the
                    current folder, or the nearest above with content/site.yml)
  --format FORMAT   text (default), json (one object a line) or github
                    (workflow annotations); text and json name files from
                    --root, github from the top of the Git repository, where
                    GitHub looks for them (zine/content/… for a webzine in zine/)
  --changed REF     report only on files changed since the Git revision REF
                    (git diff REF...HEAD, plus uncommitted files), on the
                    files that link to them and on the mistakes they take
                    part in (a slug used twice); everything when site.yml,
                    authors.yml, the theme, package.json or a lock file changed
                    (a mimeo upgrade), with a warning when site.yml's
                    change lets raw HTML run script (trust) or adds
                    hostFiles; much faster on a large webzine. Needs the
                    history REF and HEAD share
  --drafts          check drafts as build --drafts would, as pages of the site
                    (a link from a published page to a draft is then no error)
  --cache-dir DIR   where the cache is kept (default: <root>/node_modules/.cache/mimeo;
                    not used when it holds files committed to Git; a note
                    says when it can not be written)
  --no-cache        neither read nor write the cache
  --jobs N          worker threads that compile Markdown (default: as build)
  --debug           show the underlying error of each problem
  -h, --help        show this help
`;

/** `mimeo new --help`. */
export const newHelp = `Usage: mimeo new issue [options]
       mimeo new article "Title" [--issue N] [options]
       mimeo new page "Title" [options]
       mimeo new translation FILE LANG [options]
       mimeo new webzine "Title" [--root DIR]

Creates files from the theme's scaffolds (themes/<name>/scaffolds/, file by
file over the default theme's) and prints their paths, one a line. Never
overwrites a file: when one is already there, nothing is written.

  webzine   starts a webzine in --root (default: the current folder, which
            needs no content/ yet): content/site.yml titled "Title", with
            the other settings in comments (set baseUrl: check and build
            need it), content/authors.yml, .gitignore, .gitattributes
            (text files checked out with LF line endings, so a clone on
            Windows builds the same bytes), the pull-request check
            .github/workflows/check-pull-request.yml, the workflow
            .github/workflows/publish.yml that builds the site from the
            whole history and publishes dist/web/ to GitHub Pages on every
            push to main (turn on Settings > Pages > Source: GitHub Actions
            once), and CONTRIBUTING.md, the guide for its writers; then
            prints what to do next (the scripts to add to package.json, the
            first issue). An existing .gitignore or .gitattributes is left
            as it is, and the lines it lacks are printed

  issue     content/issues/<N>/ for the next number N (zero-padded like the
            other issue folders): a draft issue.md and one article for each
            section of scaffolds/sections/, with notes on what goes in it;
            when the newest issue is still a draft, a note: line says so
            (the new one comes after it all the same)
  article   content/issues/<N>/<NN>-<slug>.md: the slug made from the title
            (in a to z, at most 60 characters), NN the next multiple of 10
            in the issue
  page      content/pages/<slug>.md
  translation
            FILE.LANG.md beside FILE (an issue.md, article or page, given
            from the current folder or from the root): a copy to
            translate, LANG one of the languages of site.yml

Options:
  --issue N     the issue to add the article to (default: the newest draft
                issue, one without a date or with draft: true)
  --root DIR    the webzine's folder, which holds content/ (default: the
                current folder, or the nearest above with content/site.yml;
                for new webzine, the current folder)
  --debug       show the underlying error of a template problem
  -h, --help    show this help
`;

/** `mimeo dev --help`. */
export const devHelp = `Usage: mimeo dev [options]

Builds the webzine in --root with its drafts, marked, into a preview folder of
its own under the system's temporary folder (never dist/, so a preview can not
be deployed by mistake), serves it, and rebuilds what each save affects:
content/ (site.yml included) and themes/ are watched. Open pages reload when
their file changes; a change to CSS alone swaps the stylesheet in place. A
mistake is printed here (file:line:column) and shown over every open page
until it is fixed, while the last good pages stay served.

  http://127.0.0.1:4000/             the website
  http://127.0.0.1:4000/_gemini/     the capsule, shown as a Gemini client
                                     shows it; add ?raw for the text/gemini file

Options:
  --root DIR     the webzine's folder, which holds content/ (default: the
                 current folder, or the nearest above with content/site.yml)
  --port PORT    the port to serve on; the next free one is taken, and said,
                 when it is busy (default: 4000; 0 picks any free port)
  --host HOST    the address to listen on (default: 127.0.0.1, this machine
                 only; 0.0.0.0 lets other machines on the network see it,
                 at the addresses it prints)
  --open         open the preview in the default browser
  --debug        show the underlying error of each problem
  -h, --help     show this help

Stop it with Ctrl+C; the preview folder is removed.
`;

/** `mimeo schema --help`. */
export const schemaHelp = `Usage: mimeo schema [site|issue|article|page|authors]

Prints the JSON Schema of site.yml, of issue, article and page front matter,
or of authors.yml, for an editor that checks YAML as you type (see README):

  mimeo schema site > .mimeo/site.schema.json

Without an argument, all of them in one bundle, {"$schema", "$defs": {site,
issue, article, page, authors}}, with no schema at its root: as it is, it
validates anything; reference a part of it, like file.json#/$defs/site.
Front matter inside .md files is checked by mimeo check and mimeo dev, not
by YAML editor extensions.

Options:
  -h, --help   show this help
`;
