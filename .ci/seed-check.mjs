// The named seed step of CI: the secretariat's note (the shared fixtures folder that CI always has
// beside the clone) must give at least the metadata contract's example. Run by .ci/run after the
// test command has built the command line; prints one line and exits 0 (passed) or 1 (failed).
import { execFileSync } from "node:child_process";
import { isDeepStrictEqual } from "node:util";

const [cli, seed] = process.argv.slice(2);
const expected = {
  format: "txt", language: "ru", symbol: null, meeting: "COP-6",
  title: "Международное сотрудничество и координация",
  reportingPeriod: { start: "2023-12", end: "2025-06" },
  referencedDocuments: ["UNEP/MC/COP.5/INF/28", "UNEP/MC/COP.6/22", "UNEP/MC/COP.6/INF/28", "UNEP/MC/COP.6/INF/29", "UNEP/MC/COP.6/INF/30", "UNEP/MC/COP.6/INF/31", "UNEP/MC/COP.6/INF/32", "UNEP/MC/COP.6/INF/33", "UNEP/MC/COP.6/INF/34", "UNEP/MC/COP.6/INF/35"],
  conventionArticles: ["16(2)(a)", "23(5)(b)", "24(2)(c)"],
  organizations: ["BRS", "CBD", "GFC", "GMP", "IAEA", "ICMGP", "ILO", "IOMC", "ISP-CWP", "UNCCD", "UNEA", "UNEP", "UNFCCC", "UNICEF", "WHO"],
};

const record = JSON.parse(execFileSync("dotnet", [cli, "extract", "--json", seed], { encoding: "utf8" }));
const wrong = Object.keys(expected).filter((field) => !isDeepStrictEqual(record[field], expected[field]));
if (wrong.length > 0) {
  console.log(`seed note: FAILED on ${wrong.map((f) => `${f} (got ${JSON.stringify(record[f])})`).join(", ")}`);
  process.exit(1);
}
console.log("seed note: passed, the contract's example");
