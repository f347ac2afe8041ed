import { Badge } from '@mantine/core';
import type { SensitivityLabel } from '@server/modules/inventory/asset.schema';
import { useTranslation } from 'react-i18next';

// A badge may be shrunk below its text (and cut with "…") in a narrow table column: "Estrictamente
// confidencial" was. Letting it overflow makes its full text its minimum width, so the column widens instead.
const WHOLE = { root: { overflow: 'visible' }, label: { overflow: 'visible' } } as const;

// Rising with sensitivity, as label policies usually show them; the text says it for those who cannot see colour.
const COLOURS: Record<SensitivityLabel, string> = {
  Public: 'green',
  Internal: 'blue',
  Confidential: 'orange',
  'Strictly Confidential': 'red',
};

/** A sensitivity label as a coloured badge with its name; "Unlabelled" when none is set. */
export function AssetLabelBadge({ label }: { label: SensitivityLabel | null }) {
  const { t } = useTranslation();
  if (label === null) {
    return (
      <Badge color="gray" variant="outline" styles={WHOLE}>
        {t('assets.unlabelled')}
      </Badge>
    );
  }
  return (
    <Badge color={COLOURS[label]} variant="light" styles={WHOLE}>
      {t(`assets.labels.${label}`)}
    </Badge>
  );
}
