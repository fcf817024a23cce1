// Copy the front-end libraries the page uses from node_modules/ (installed by `npm ci` from the
// npm registry) into the Python package, so the page works with no network at run time.
// Usage: node frontend/build.mjs   (make install runs it after `npm ci --prefix frontend`)
import { copyFileSync, mkdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const modules = join(here, "node_modules");
const out = join(here, "..", "src", "flashpoint", "web", "static", "vendor");

// [package, file inside it, name in vendor/]
const FILES = [
  ["d3", "dist/d3.min.js", "d3.min.js"],
  ["d3", "LICENSE", "LICENSE.d3.txt"],
  ["topojson-client", "dist/topojson-client.min.js", "topojson-client.min.js"],
  ["topojson-client", "LICENSE", "LICENSE.topojson-client.txt"],
  // Natural Earth country outlines (public domain) as TopoJSON: 1:110m for the first draw
  // (108 kB), 1:50m once the analyst zooms in.
  ["world-atlas", "countries-110m.json", "countries-110m.json"],
  ["world-atlas", "countries-50m.json", "countries-50m.json"],
  ["world-atlas", "LICENSE", "LICENSE.world-atlas.txt"],
];

if (!existsSync(modules)) {
  console.error(`build.mjs: ${modules} is missing; run \`npm ci\` in frontend/ first`);
  process.exit(1);
}
mkdirSync(out, { recursive: true });
const versions = {};
for (const [pkg, file, name] of FILES) {
  copyFileSync(join(modules, pkg, file), join(out, name));
  versions[pkg] = JSON.parse(readFileSync(join(modules, pkg, "package.json"), "utf8")).version;
}
writeFileSync(join(out, "VERSIONS.json"), JSON.stringify(versions, null, 2) + "\n");
writeFileSync(join(out, ".built"), "");
console.log(`build.mjs: ${FILES.length} files into ${out}: ${JSON.stringify(versions)}`);
