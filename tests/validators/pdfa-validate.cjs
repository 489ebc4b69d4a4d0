#!/usr/bin/env node
// Offline PDF/A validation with the npm package asposepdfnodejs (WebAssembly,
// no network). Usage: node pdfa-validate.cjs FILE.pdf [FORMAT]
// FORMAT is one of PDF_A_2U (default), PDF_A_1B, PDF_A_2A, PDF_A_3B, ...
// The package offers no PDF_A_2B profile: PDF/A-2u is level B plus "every
// glyph maps to Unicode", so a file that passes 2u also meets 2b's rules
// as Aspose checks them.
// Prints one line of JSON: {file, format, compliant, errorCode, errorText, problems: [...], log}
'use strict';
const fs = require('fs');
const path = require('path');
const os = require('os');
const AsposePdf = require('asposepdfnodejs');

const file = process.argv[2];
const format = process.argv[3] || 'PDF_A_2U';
if (!file) { console.log(JSON.stringify({ error: 'usage: pdfa-validate.cjs FILE.pdf [FORMAT]' })); process.exit(2); }
const abs = path.resolve(file);
const logFile = path.join(os.tmpdir(), 'pdfa-validate-' + process.pid + '.xml');

AsposePdf().then((m) => {
  const json = m.AsposePdfValidatePDFA(abs, m.PdfFormat[format], logFile);
  let log = '';
  try { log = fs.readFileSync(json.fileNameResult || logFile, 'utf8'); } catch (e) { log = ''; }
  try { fs.unlinkSync(logFile); } catch (e) { /* none */ }
  const problems = [];
  const re = /<Problem\b([^>]*)>([\s\S]*?)<\/Problem>/g;
  let mm;
  while ((mm = re.exec(log)) !== null) {
    const attrs = {};
    mm[1].replace(/(\w+)="([^"]*)"/g, (_, k, v) => { attrs[k] = v; return ''; });
    problems.push({ ...attrs, text: mm[2].trim() });
  }
  const compliantAttr = /isCompliant\s*=\s*"?(true|false)/i.exec(log) || /Compliant[^>]*>\s*(true|false)/i.exec(log);
  const compliant = json.errorCode === 0 && log.length > 0 && (compliantAttr ? compliantAttr[1].toLowerCase() === 'true' : problems.length === 0);
  console.log(JSON.stringify({ file: abs, format, compliant, errorCode: json.errorCode, errorText: json.errorText, problems, log }));
}).catch((e) => { console.log(JSON.stringify({ file: abs, format, compliant: false, error: String(e) })); process.exit(1); });
