// Parse a GIFT file with the strict gift-pegjs grammar and print the questions as JSON.
// A syntax error exits 1 with "LINE:COLUMN message" on stderr.
"use strict";
const fs = require("fs");
const { parse } = require("gift-pegjs");

const text = fs.readFileSync(process.argv[2], "utf8");
try {
  process.stdout.write(JSON.stringify(parse(text)));
} catch (err) {
  const at = err.location ? `${err.location.start.line}:${err.location.start.column} ` : "";
  process.stderr.write(`${at}${err.message}\n`);
  process.exit(1);
}
