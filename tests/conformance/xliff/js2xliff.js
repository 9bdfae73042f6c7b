// Writes a translation file's units, and its names as `name.<reference-id>`,
// as XLIFF 2.0 with the npm `xliff` package (js2xliff), an XLIFF writer
// nobody on this project wrote:
//   node js2xliff.js TRANSLATION.json DOCUMENT-ID OUT.xlf
const fs = require("fs");
const { js2xliff } = require("xliff");

const [translationPath, documentId, out] = process.argv.slice(2);
const translation = JSON.parse(fs.readFileSync(translationPath, "utf8"));
const units = {};
for (const [id, unit] of Object.entries(translation.units)) {
  units[id] = { source: unit.source, target: unit.translation };
}
for (const [id, name] of Object.entries(translation.names || {})) {
  units[`name.${id}`] = { source: name.source, target: name.translation };
}
const js = {
  sourceLanguage: translation.pivot,
  targetLanguage: translation.language,
  resources: { [documentId]: units },
};
js2xliff(js, (error, xliff) => {
  if (error) {
    console.error(error);
    process.exit(1);
  }
  fs.writeFileSync(out, xliff);
});
