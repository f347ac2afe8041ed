import { Alert, Button, Group, Paper, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import type { RiskDetail } from '@server/modules/risks/risk.schema';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAcceptRisk } from '../../api/risks';
import { useCan, useMe } from '../../api/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime, formatPartialDate } from '../../i18n/format';

/**
 * The acceptance sign-off: the risk's owner or a governance officer who did not propose it signs
 * with a justification and an expiry; earlier sign-offs stay listed.
 */
export function AcceptancePanel({ risk }: { risk: RiskDetail }) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const session = useMe();
  const accept = useAcceptRisk(risk.id);
  const [justification, setJustification] = useState('');
  const [expires, setExpires] = useState('');
  const me = session.data?.user;
  const owner = me?.person_id != null && me.person_id === risk.owner_person_id;
  const mayAccept = (can('risk.accept') || (owner && can('risk.write'))) && risk.status !== 'closed';
  const proposer =
    me?.email === risk.proposed_by || (me?.person_id != null && me.person_id === risk.proposer_person_id);

  return (
    <Stack>
      {risk.status === 'accepted' && risk.acceptance_expires_on && (
        <Alert color={risk.needs_review ? 'red' : 'blue'} role="status">
          {t(risk.needs_review ? 'risks.accept.expired' : 'risks.accept.until', {
            date: formatPartialDate(risk.acceptance_expires_on, i18n.language),
          })}
        </Alert>
      )}
      {risk.acceptances.length === 0 ? (
        <Text c="dimmed">{t('risks.accept.none')}</Text>
      ) : (
        <Table aria-label={t('risks.accept.history')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('risks.accept.signedAt')}</Table.Th>
              <Table.Th>{t('risks.accept.signedBy')}</Table.Th>
              <Table.Th>{t('risks.accept.justification')}</Table.Th>
              <Table.Th>{t('risks.accept.expires')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {risk.acceptances.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td>{formatDateTime(a.signed_at, i18n.language)}</Table.Td>
                <Table.Td>{a.signed_by}</Table.Td>
                <Table.Td>{a.justification}</Table.Td>
                <Table.Td>{formatPartialDate(a.expires_on, i18n.language)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {mayAccept && proposer && <Text c="dimmed">{t('risks.accept.notYours')}</Text>}
      {mayAccept && !proposer && (
        <Paper
          withBorder
          p="md"
          component="form"
          onSubmit={(e) => {
            e.preventDefault();
            accept.mutate(
              { version: risk.version, justification: justification.trim(), expires_on: expires },
              { onSuccess: () => setJustification('') },
            );
          }}
        >
          <Stack>
            <Text fw={600}>{t('risks.accept.title')}</Text>
            <Textarea
              label={t('risks.accept.justification')}
              required
              autosize
              minRows={2}
              value={justification}
              onChange={(e) => setJustification(e.currentTarget.value)}
            />
            <TextInput
              type="date"
              label={t('risks.accept.expires')}
              required
              value={expires}
              onChange={(e) => setExpires(e.currentTarget.value)}
            />
            {accept.isError && <ErrorAlert error={accept.error} />}
            <Group>
              <Button type="submit" loading={accept.isPending} disabled={!justification.trim() || !expires}>
                {t('risks.accept.submit')}
              </Button>
            </Group>
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
