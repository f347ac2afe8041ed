import path from 'node:path';
import type { Command } from 'commander';
import { openInput } from '../../cli/files.js';
import { print, withServices } from '../../cli/output.js';
import { formatTable } from '../../cli/table.js';
import { collectBytes } from '../../core/tabular/byte-source.js';
import type { AiDocument } from './ai-documents.schema.js';

/* `custos ai system documents|attach|detach`: an AI system's documents on the command line. */

export function registerAiDocumentCommands(system: Command): void {
  system
    .command('documents <id>')
    .description('List the documents of an AI system (model card, vendor terms, evaluations, other)')
    .option('--json', 'machine-readable output')
    .action((id: string, o: { json?: boolean }, command: Command) =>
      withServices(command, async (services, ctx) => {
        const documents = await services.aiDocuments.list(ctx, id);
        print(o.json, documents, documentsText);
      }),
    );

  system
    .command('attach <id> <file>')
    .description('Attach FILE to an AI system as a document (type checked from the content, size limited)')
    .requiredOption('--kind <kind>', 'model_card, vendor_terms, evaluation or other')
    .option('--json', 'machine-readable output')
    .action((id: string, file: string, o: { kind: string; json?: boolean }, command: Command) =>
      withServices(command, async (services, ctx) => {
        const input = await openInput(file);
        const bytes = await collectBytes(input, services.files.limitBytes).finally(() => input.destroy());
        const document = await services.aiDocuments.attach(ctx, id, o.kind, {
          bytes,
          name: path.basename(file),
        });
        print(
          o.json,
          document,
          (d) => `Attached ${d.name} (${d.kind}, ${d.size} bytes, SHA-256 ${d.sha256}) as ${d.id}`,
        );
      }),
    );

  system
    .command('detach <id> <attachment>')
    .description('Remove a document from an AI system (the stored bytes stay)')
    .action((id: string, attachment: string, _o: object, command: Command) =>
      withServices(command, async (services, ctx) => {
        await services.aiDocuments.detach(ctx, id, attachment);
        process.stdout.write(`Removed document ${attachment}\n`);
      }),
    );
}

function documentsText(documents: AiDocument[]): string {
  if (documents.length === 0) return 'No documents.';
  return formatTable(
    ['Id', 'Kind', 'Name', 'Type', 'Size', 'SHA-256', 'Uploaded by', 'Uploaded at'],
    documents.map((d) => [
      d.id,
      d.kind,
      d.name,
      d.type,
      d.size,
      d.sha256.slice(0, 16),
      d.uploaded_by,
      d.uploaded_at,
    ]),
  );
}
