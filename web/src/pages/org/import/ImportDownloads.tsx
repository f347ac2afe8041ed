import { IconFileSpreadsheet } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { downloadExport, downloadTemplate, type ImportKind } from '../../../api/org-import';
import { DownloadGroup } from '../../../components/DownloadGroup';

type Download = 'template' | 'xlsx' | 'csv';

/** The template to fill in, and the current records to edit and import again. */
export function ImportDownloads({ kind }: { kind: ImportKind }) {
  const { t } = useTranslation();
  return (
    <DownloadGroup<Download>
      title={t('orgImport.downloads')}
      items={[
        { which: 'template', label: t('orgImport.template'), icon: IconFileSpreadsheet },
        { which: 'xlsx', label: t('orgImport.exportXlsx') },
        { which: 'csv', label: t('orgImport.exportCsv') },
      ]}
      download={(which) => (which === 'template' ? downloadTemplate(kind) : downloadExport(kind, which))}
    />
  );
}
