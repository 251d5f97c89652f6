// $metadata of a V2 service: the EDMX as given, with the schema ending in the two links SAP Gateway
// writes there, `<atom:link rel="self">` and `<atom:link rel="latest-version">`, each carrying the
// absolute $metadata URL as the client addressed the service (through the connectivity proxy: the
// virtual host) and its own xmlns:atom. The SAP Cloud SDK generator derives a client's service path
// from the self link (@sap-cloud-sdk/generator: dist/edmx-parser/edmx-file-reader.js reads
// `atom:link` elements of the Schema, dist/service-base-path.js strips scheme, host and `/$metadata`);
// without it the client calls the entity sets at the host root. Links an imported EDMX brings point at
// the system it was downloaded from: they are replaced, never repeated.
import type { EdmModel } from '../edm/model.js';
import { escapeXml } from './negotiate.js';

interface Template {
  before: string;
  after: string;
  /** Indentation of one link line, or undefined when the schema ends on a line with other markup. */
  indent: string | undefined;
  last?: { href: string; body: string };
}

// A prefixed `link` element whose rel is self or latest-version, self-closing or not, with the
// whitespace of its line, so removing it leaves no blank line.
const OWN_LINK = /[ \t]*<([A-Za-z_][\w.-]*):link\b([^>]*?)(?:\/>|>[\s\S]*?<\/\1:link\s*>)[ \t]*(?:\r?\n)?/g;
const OWN_REL = /\brel\s*=\s*(["'])(?:self|latest-version)\1/;
const CONTAINER = /<(?:[\w.-]+:)?EntityContainer\b/;
const SCHEMA_END = /<\/(?:[\w.-]+:)?Schema\s*>/g;

const templates = new WeakMap<EdmModel, Template>();

/** The $metadata document for a service whose absolute root URL (ending with `/`) is `root`. */
export function metadataV2(model: EdmModel, root: string): string {
  let template = templates.get(model);
  if (!template) templates.set(model, (template = buildTemplate(model.xml)));
  const href = `${root}$metadata`;
  if (template.last?.href === href) return template.last.body;
  const attribute = escapeXml(href);
  const links = ['self', 'latest-version'].map(
    (rel) => `<atom:link rel="${rel}" href="${attribute}" xmlns:atom="http://www.w3.org/2005/Atom"/>`,
  );
  const body =
    template.indent === undefined
      ? `${template.before}${links.join('')}${template.after}`
      : `${template.before}${links.map((l) => `${template.indent}${l}\n`).join('')}${template.after}`;
  template.last = { href, body };
  return body;
}

function buildTemplate(xml: string): Template {
  const stripped = xml.replace(OWN_LINK, (element: string, _prefix: string, attributes: string) =>
    OWN_REL.test(attributes) ? '' : element,
  );
  const end = schemaEnd(stripped);
  if (end < 0) return { before: stripped, after: '', indent: undefined };
  const lineStart = stripped.lastIndexOf('\n', end - 1) + 1;
  if (lineStart === 0 || !/^[ \t]*$/.test(stripped.slice(lineStart, end)))
    return { before: stripped.slice(0, end), after: stripped.slice(end), indent: undefined };
  // Indented like the schema's last child, the line above the closing tag.
  const previousLine = stripped.slice(stripped.lastIndexOf('\n', lineStart - 2) + 1, lineStart);
  return {
    before: stripped.slice(0, lineStart),
    after: stripped.slice(lineStart),
    indent: /^[ \t]*/.exec(previousLine)![0],
  };
}

/** Where the closing tag of the schema holding the entity container starts (the last schema's else). */
function schemaEnd(xml: string): number {
  const container = CONTAINER.exec(xml);
  SCHEMA_END.lastIndex = container?.index ?? 0;
  const afterContainer = SCHEMA_END.exec(xml);
  if (afterContainer) return afterContainer.index;
  let last = -1;
  SCHEMA_END.lastIndex = 0;
  for (let match = SCHEMA_END.exec(xml); match; match = SCHEMA_END.exec(xml)) last = match.index;
  return last;
}
