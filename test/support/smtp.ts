import type { AddressInfo } from "node:net";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface TestSmtp {
  url: string;
  received: ParsedMail[];
  /** Recipients whose address starts with one of these are refused (550). */
  refuse: string[];
  close(): Promise<void>;
}

/** A real SMTP server on 127.0.0.1 at a random port, keeping every message it accepts. */
export async function startSmtp(): Promise<TestSmtp> {
  const received: ParsedMail[] = [];
  const refuse: string[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo(address, _session, callback) {
      const refused = refuse.some((prefix) => address.address.startsWith(prefix));
      callback(refused ? new Error(`no mailbox ${address.address}`) : null);
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push(mail);
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    refuse,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
