#!/usr/bin/env node
// Packs the page into one offline file: www/index.html with its stylesheets, every ES module
// it imports (the lazy panels too), the wasm core and the digits' data inlined, for opening
// from file:// with no server and no network. Node built-ins only; no bundler.
//   node tools/single.mjs [OUT [WWW]]   (default dist/regplay.html from www/; www/pkg must be built)
//
// How: each module becomes a function in one module script. Its `import … from "./x.js"`
// become reads from the module table, its `export`s the namespace it returns, and
// `import("./panels/" + …)` a lookup in the same table. The wasm bytes go in as base64 where
// the wasm-bindgen glue would have fetched them. Whatever this cannot rewrite stops the build
// with a message, instead of making a file that fails in the browser.

import { readFile, writeFile, mkdir, readdir, rm, stat } from "node:fs/promises";
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const OUT = path.resolve(process.argv[2] ?? path.join(ROOT, "dist", "regplay.html"));
const WWW = path.resolve(process.argv[3] ?? path.join(ROOT, "www"));

class PackError extends Error {}
const fail = (message) => {
  throw new PackError(message);
};

/** "panels/x.js" from "instruments.js" and "./panels/x.js": paths relative to www/, with "/". */
function resolve(from, spec) {
  if (!spec.startsWith("./") && !spec.startsWith("../")) fail(`${from}: cannot inline "${spec}": only relative imports are packed`);
  const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(from), spec));
  if (resolved.startsWith("../")) fail(`${from}: "${spec}" lies outside www/`);
  return resolved;
}

const IDENT = String.raw`[A-Za-z_$][\w$]*`;
const STRING = String.raw`(["'])([^"']+)\2`;

/** `a, b as c` → [["a", "a"], ["b", "c"]] (local, exported or imported name pairs). */
function namePairs(list, where) {
  return list.split(",").map((s) => s.trim()).filter(Boolean).map((item) => {
    const m = item.match(new RegExp(`^(${IDENT})(?:\\s+as\\s+(${IDENT}))?$`));
    if (!m) fail(`${where}: cannot read "${item}"`);
    return [m[1], m[2] ?? m[1]];
  });
}

/** The destructuring that stands for an import clause (`X`, `{ a, b as c }`, `* as ns`, or a mix). */
function bindings(clause, source, where) {
  const parts = [];
  let rest = clause.trim();
  const ns = rest.match(new RegExp(`^\\*\\s+as\\s+(${IDENT})$`));
  if (ns) return [`const ${ns[1]} = ${source};`];
  const def = rest.match(new RegExp(`^(${IDENT})\\s*(,|$)`));
  const named = [];
  if (def) {
    named.push(`default: ${def[1]}`);
    rest = rest.slice(def[0].length).trim();
  }
  const starAfterDefault = rest.match(new RegExp(`^\\*\\s+as\\s+(${IDENT})$`));
  if (starAfterDefault) {
    parts.push(`const ${starAfterDefault[1]} = ${source};`);
    rest = "";
  }
  if (rest) {
    const braces = rest.match(/^\{([^}]*)\}$/);
    if (!braces) fail(`${where}: cannot read the import clause "${clause}"`);
    for (const [imported, local] of namePairs(braces[1], where)) named.push(imported === local ? local : `${imported}: ${local}`);
  }
  if (named.length) parts.unshift(`const { ${named.join(", ")} } = ${source};`);
  return parts;
}

/** Files of www/ a dynamic import's template (`./panels/${name}.js`) can name. */
async function filesMatching(from, template) {
  if (!template.includes("${")) return [resolve(from, template)];
  const cut = template.slice(0, template.indexOf("${")).lastIndexOf("/") + 1;
  const [dirSpec, namePart] = [template.slice(0, cut), template.slice(cut)];
  if (namePart.includes("/")) fail(`${from}: in import(\`${template}\`) only the file name may vary`);
  const dir = resolve(from, dirSpec || "./").replace(/\/$/, "");
  const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const pattern = new RegExp(`^${namePart.split(/\$\{[^}]*\}/).map(escape).join("[^/]+")}$`);
  const names = await readdir(path.join(WWW, dir)).catch(() => fail(`${from}: import(\`${template}\`) names a missing folder`));
  return names.filter((n) => pattern.test(n)).map((n) => (dir === "." ? n : `${dir}/${n}`));
}

/**
 * One module rewritten as the body of a function that returns its namespace.
 * Returns { body, deps (static, in order), lazy (dynamic targets) }.
 */
async function rewrite(name, source) {
  const deps = [];
  const lazy = [];
  const exports = []; // [local, exported]
  const require = (spec) => {
    const target = resolve(name, spec);
    deps.push(target);
    return `__regplay.require(${JSON.stringify(target)})`;
  };
  let code = source;
  code = code.replace(new RegExp(`^import\\s+([^"';]+?)\\s+from\\s*${STRING}\\s*;?`, "gm"), (_, clause, _q, spec) =>
    bindings(clause, require(spec), name).join(" "));
  code = code.replace(new RegExp(`^import\\s*${STRING}\\s*;?`, "gm"), (_, _q, spec) => `${require(spec)};`);
  code = code.replace(/^export\s*\{([^}]*)\}\s*(from\b[^;\n]*)?;?/gm, (statement, list, from) => {
    if (from) fail(`${name}: re-exports ("${statement.trim()}") are not packed; import, then export`);
    exports.push(...namePairs(list, name));
    return "";
  });
  code = code.replace(new RegExp(`^export\\s+default\\s+(async\\s+function\\b\\s*\\*?|function\\b\\s*\\*?|class\\b)\\s*(${IDENT})`, "gm"),
    (_, kind, local) => {
      exports.push([local, "default"]);
      return `${kind} ${local}`;
    });
  code = code.replace(/^export\s+default\s+/gm, () => {
    exports.push(["__default", "default"]);
    return "const __default = ";
  });
  code = code.replace(new RegExp(`^export\\s+(async\\s+function\\b\\s*\\*?|function\\b\\s*\\*?|class\\b|const\\b|let\\b|var\\b)\\s*(${IDENT})`, "gm"),
    (_, kind, local) => {
      if (/^(let|var)/.test(kind)) fail(`${name}: "export ${kind} ${local}" may change later; export a const or a function`);
      exports.push([local, local]);
      return `${kind.trim()} ${local}`;
    });
  const left = code.match(/^[ \t]*(import|export)\b(?!\s*[(.])[^\n]*/m);
  if (left) fail(`${name}: cannot pack the statement "${left[0].trim()}"`);

  // import("./x.js") and import(`./dir/${name}.js`): looked up in the module table
  const dynamic = new RegExp(String.raw`\bimport\s*\(\s*(\x60[^\x60]*\x60|"[^"]*"|'[^']*')\s*\)`, "g");
  for (const [, literal] of code.matchAll(dynamic)) {
    const text = literal.slice(1, -1);
    lazy.push(...(literal.startsWith("`") ? await filesMatching(name, text) : [resolve(name, text)]));
  }
  code = code.replace(dynamic, (_, literal) => `__regplay.load(${JSON.stringify(name)}, ${literal})`);
  const other = code.match(/\bimport\s*\((?!\s*[`"'])/);
  if (other) fail(`${name}: a dynamic import of a computed name cannot be packed`);

  // the wasm the glue would fetch, and the digits' data (digits_data.js): their bytes,
  // inlined once however many modules name them
  code = await replaceAsync(code, /new URL\(\s*(["'])([^"']+\.(?:wasm|bin))\1\s*,\s*import\.meta\.url\s*\)/g, async (_, _q, file) => {
    const target = resolve(name, file.startsWith(".") ? file : `./${file}`);
    if (!FILES.has(target)) FILES.set(target, (await readFile(path.join(WWW, target))).toString("base64"));
    return `__regplay.file(${JSON.stringify(target)})`;
  });
  // a worker's module (`new Worker(new URL("./w.js", import.meta.url))`): packed on its own,
  // started from a Blob URL
  code = await replaceAsync(code, /new URL\(\s*(["'])(\.\.?\/[^"']+\.js)\1\s*,\s*import\.meta\.url\s*\)/g, async (_, _q, file) =>
    `__regplay.worker(${JSON.stringify((await packScript(resolve(name, file))).script)})`);

  const namespace = exports.map(([local, exported]) => `get ${exported}() { return ${local}; }`);
  const body = `${code}\nreturn Object.freeze({ __proto__: null, ${namespace.join(", ")} });`;
  return { body, deps, lazy };
}

async function replaceAsync(text, regex, replacer) {
  const parts = [];
  let last = 0;
  for (const m of text.matchAll(regex)) {
    parts.push(text.slice(last, m.index), await replacer(...m));
    last = m.index + m[0].length;
  }
  return parts.join("") + text.slice(last);
}

/** The wasm files the modules name, as base64 by their paths in www/. */
const FILES = new Map();

/** The modules from `entry` as one script: the runtime, each module's factory, then the entry. */
async function packScript(entry) {
  const modules = await collect(entry);
  const defines = [...modules].map(([name, m]) => `__regplay.define(${JSON.stringify(name)}, () => {\n${m.body}\n});`);
  return { modules, script: [RUNTIME, ...defines, `__regplay.require(${JSON.stringify(entry)});`].join("\n\n") };
}

/** Every module from the entry, static and dynamic; fails on an import cycle. */
async function collect(entry) {
  const modules = new Map();
  const queue = [entry];
  while (queue.length) {
    const name = queue.shift();
    if (modules.has(name)) continue;
    const source = await readFile(path.join(WWW, name), "utf8").catch(() => fail(`module ${name} is missing from www/`));
    const module = await rewrite(name, source);
    modules.set(name, module);
    queue.push(...module.deps, ...module.lazy);
  }
  const state = new Map(); // 1 visiting, 2 done
  const visit = (name, trail) => {
    if (state.get(name) === 2) return;
    if (state.get(name) === 1) fail(`import cycle: ${[...trail, name].join(" → ")}; the packed modules run in order and cannot wait for each other`);
    state.set(name, 1);
    for (const dep of modules.get(name).deps) visit(dep, [...trail, name]);
    state.set(name, 2);
  };
  for (const name of modules.keys()) visit(name, []);
  return modules;
}

// The module table: modules run on first use, like ES modules, in the order they are imported.
const RUNTIME = `const __regplay = (() => {
  const factories = new Map();
  const done = new Map();
  const require = (name) => {
    if (!done.has(name)) {
      const factory = factories.get(name);
      if (!factory) throw new Error(\`the module ./\${name} is not in this file\`);
      done.set(name, factory());
    }
    return done.get(name);
  };
  const resolve = (from, spec) => new URL(spec, \`https://regplay.invalid/\${from}\`).pathname.slice(1);
  return {
    define: (name, factory) => factories.set(name, factory),
    require,
    load: (from, spec) => new Promise((ok) => ok(require(resolve(from, spec)))),
    files: new Map(),
    file(name) {
      return Uint8Array.from(atob(this.files.get(name)), (c) => c.charCodeAt(0));
    },
    worker: (source) => URL.createObjectURL(new Blob([source], { type: "text/javascript" })),
  };
})();`;

/** Text that can stand inside <script> or <style>: no end tag, no comment opener. */
const inert = (text, tag) => text.replace(new RegExp(`</${tag}`, "gi"), `<\\/${tag}`).replace(/<!--/g, "<\\!--");

async function inlineStyles(html) {
  return replaceAsync(html, /<link\s+rel="stylesheet"\s+href="([^"]+)"\s*\/?>/g, async (_, href) => {
    const css = await readFile(path.join(WWW, resolve("index.html", `./${href}`)), "utf8");
    const external = css.match(/url\(\s*(?!["']?data:)[^)]*\)|@import\b[^;]*/);
    if (external) fail(`${href}: "${external[0]}" would load a file; inline it as a data: URL`);
    return `<style>\n${inert(css, "style")}</style>`;
  });
}

async function pack() {
  let html = await readFile(path.join(WWW, "index.html"), "utf8");
  html = await inlineStyles(html);
  const scripts = [...html.matchAll(/<script\s+type="module"\s+src="([^"]+)"\s*><\/script>/g)];
  if (scripts.length !== 1) fail(`index.html: expected one <script type="module" src=…>, found ${scripts.length}`);
  const entry = resolve("index.html", `./${scripts[0][1]}`);
  const { modules, script: packed } = await packScript(entry);
  const files = [...FILES].map(([name, base64]) => `__regplay.files.set(${JSON.stringify(name)}, "${base64}");`);
  const script = packed.replace(/^(const __regplay = [\s\S]*?\n\}\)\(\);)/, (runtime) => [runtime, ...files].join("\n"));
  await checkSyntax(script);
  const loads = html.replace(scripts[0][0], "").match(/<(script|link|img|iframe|source|video|audio)\b[^>]*\s(src|href)="(?!data:|#)[^"]+"/);
  if (loads) fail(`index.html: "${loads[0]}" would load a file`);
  html = html.replace(scripts[0][0], () => `<script type="module">\n${inert(script, "script")}\n</script>`);
  html = withPolicy(html);
  await mkdir(path.dirname(OUT), { recursive: true });
  await writeFile(OUT, html);
  return { modules: [...modules.keys()], bytes: (await stat(OUT)).size };
}

/**
 * The page's Content-Security-Policy for one file: every inline <script> and <style> is
 * allowed by its sha256 hash (no 'unsafe-inline' for either), the wasm by 'wasm-unsafe-eval',
 * and nothing may be fetched, since everything is inside. Style attributes stay allowed:
 * the charts' text measuring (plotters) sets one on a span.
 */
function withPolicy(html) {
  const hashes = (tag) => [...html.matchAll(new RegExp(`<${tag}\\b[^>]*>([\\s\\S]*?)</${tag}>`, "g"))]
    .map((m) => `'sha256-${createHash("sha256").update(m[1], "utf8").digest("base64")}'`).join(" ");
  const policy = [
    "default-src 'none'", `script-src ${hashes("script")} 'wasm-unsafe-eval'`, `style-src ${hashes("style")}`, "style-src-attr 'unsafe-inline'",
    "img-src data: blob:", "worker-src blob:", "object-src 'none'", "base-uri 'none'", "form-action 'none'",
  ].join("; ");
  const meta = /<meta http-equiv="Content-Security-Policy" content="[^"]*">/;
  if (!meta.test(html)) fail("index.html: no Content-Security-Policy meta tag to replace");
  return html.replace(meta, () => `<meta http-equiv="Content-Security-Policy" content="${policy}">`);
}

/** node --check of the packed script, so a rewrite that broke the syntax stops the build here. */
async function checkSyntax(script) {
  const file = path.join(tmpdir(), `regplay-single-${process.pid}.mjs`);
  await writeFile(file, script);
  try {
    execFileSync(process.execPath, ["--check", file], { stdio: "pipe" });
  } catch (e) {
    fail(`the packed script is not valid JavaScript:\n${e.stderr}`);
  } finally {
    await rm(file, { force: true });
  }
}

try {
  const { modules, bytes } = await pack();
  console.log(`${path.relative(process.cwd(), OUT) || OUT}: ${bytes} bytes (${(bytes / 2 ** 20).toFixed(2)} MiB), ${modules.length} modules: ${modules.join(", ")}`);
} catch (e) {
  if (!(e instanceof PackError)) throw e;
  console.error(`single.mjs: ${e.message}`);
  process.exit(1);
}
