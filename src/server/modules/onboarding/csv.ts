export interface CsvRecord {
  /** The line of the text where the record starts (1-based). */
  line: number;
  fields: string[];
}

export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * RFC 4180: comma-separated fields, records ended by CRLF or LF, fields in double quotes may
 * hold commas, line breaks and "" for a quote. A leading byte-order mark is ignored.
 */
export function parseCsv(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = "";
  let wasQuoted = false;
  let line = 1;
  let recordLine = 1;
  let i = text.startsWith("\uFEFF") ? 1 : 0;
  const endField = () => {
    fields.push(field);
    field = "";
    wasQuoted = false;
  };
  while (i < text.length) {
    const c = text[i] as string;
    if (c === '"' && field === "" && !wasQuoted) {
      const start = line;
      for (i++; text[i] !== '"' || text[i + 1] === '"'; i++) {
        if (i >= text.length) throw new CsvSyntaxError(start, "a quoted field is never closed");
        if (text[i] === '"') i++;
        else if (text[i] === "\n") line++;
        field += text[i];
      }
      i++;
      wasQuoted = true;
    } else if (c === ",") {
      endField();
      i++;
    } else if (c === "\n" || c === "\r") {
      endField();
      records.push({ line: recordLine, fields });
      fields = [];
      i += c === "\r" && text[i + 1] === "\n" ? 2 : 1;
      recordLine = ++line;
    } else if (wasQuoted || c === '"') {
      throw new CsvSyntaxError(
        line,
        'a quote must enclose the whole field, and "" stands for a quote inside it',
      );
    } else {
      field += c;
      i++;
    }
  }
  if (field !== "" || wasQuoted || fields.length > 0) {
    endField();
    records.push({ line: recordLine, fields });
  }
  return records;
}
