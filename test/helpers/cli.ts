/** Runs the CLI's main() in-process and captures what it prints. */
import { main } from "../../src/cli";

export async function runCli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err, text: [...out, ...err].join("\n") };
}
