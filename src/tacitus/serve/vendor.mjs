// Copy the browser libraries the web app uses from node_modules into static/vendor/,
// with their licences, so that the Python package serves them without npm or a CDN.
// Run from the repository root after `npm ci`:  npm run vendor
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
const modules = join(root, "node_modules");
const vendor = join(root, "src", "tacitus", "serve", "static", "vendor");

// [package, files to copy (from, to), licence file]
const PACKAGES = [
  ["chart.js", [["dist/chart.umd.min.js", "chart.umd.min.js"]], "LICENSE.md"],
  // chart.umd.min.js bundles @kurkle/color, so its licence ships too.
  ["@kurkle/color", [], "LICENSE.md"],
  ["leaflet", [["dist/leaflet.js", "leaflet.js"], ["dist/leaflet.css", "leaflet.css"]], "LICENSE"],
  ["topojson-client", [["dist/topojson-client.min.js", "topojson-client.min.js"]], "LICENSE"],
  ["world-atlas", [["countries-110m.json", "countries-110m.json"]], "LICENSE"],
];

rmSync(vendor, { recursive: true, force: true });
mkdirSync(join(vendor, "licenses"), { recursive: true });
const lines = ["# Vendored browser libraries", "", "Copied from npm by `npm run vendor`; do not edit.", "",
  "| package | version | licence | files |", "| --- | --- | --- | --- |"];
for (const [name, files, licence] of PACKAGES) {
  const dir = join(modules, name);
  const meta = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
  for (const [from, to] of files) copyFileSync(join(dir, from), join(vendor, to));
  const licenceName = `${name.replace(/^@/, "").replace("/", "-")}.${licence.endsWith(".md") ? "md" : "txt"}`;
  copyFileSync(join(dir, licence), join(vendor, "licenses", licenceName));
  lines.push(`| ${name} | ${meta.version} | ${meta.license} | ${files.map(([, to]) => to).join(", ") || "(bundled)"} |`);
}
writeFileSync(join(vendor, "README.md"), lines.join("\n") + "\n");
console.log(`vendored ${PACKAGES.length} packages into ${vendor}`);
