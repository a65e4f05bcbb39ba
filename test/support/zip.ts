import yauzl from "yauzl";

/** Every file of a ZIP by its name, read with yauzl (a reader independent of the writer, yazl). */
export async function unzip(zip: Buffer): Promise<Map<string, Buffer>> {
  const archive = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.fromBuffer(zip, { lazyEntries: true }, (error, file) => (error ? reject(error) : resolve(file))),
  );
  const files = new Map<string, Buffer>();
  await new Promise<void>((resolve, reject) => {
    archive.on("error", reject);
    archive.on("end", resolve);
    archive.on("entry", (entry: yauzl.Entry) =>
      archive.openReadStream(entry, (error, stream) => {
        if (error) return reject(error);
        const chunks: Buffer[] = [];
        stream.on("data", (chunk: Buffer) => chunks.push(chunk));
        stream.on("error", reject);
        stream.on("end", () => {
          files.set(entry.fileName, Buffer.concat(chunks));
          archive.readEntry();
        });
      }),
    );
    archive.readEntry();
  });
  return files;
}

/** A JSON file of the ZIP, parsed. */
export function jsonOf<T = Record<string, unknown>[]>(files: Map<string, Buffer>, name: string): T {
  const file = files.get(name);
  if (!file) throw new Error(`${name} is not in the ZIP (it holds ${[...files.keys()].join(", ")})`);
  return JSON.parse(file.toString("utf8")) as T;
}
