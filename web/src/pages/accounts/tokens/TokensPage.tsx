import { Badge, Button, Code, Table, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ApiToken } from '@server/modules/accounts/token.schema';
import { IconBan, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useMyTokens, useRevokeToken } from '../../../api/tokens';
import { ConfirmButton } from '../../../components/ConfirmButton';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { notifySuccess } from '../../../components/notify';
import { PageHeader } from '../../../components/PageHeader';
import { formatDateTime } from '../../../i18n/format';
import { TokenCreateModal } from './TokenCreateModal';

const STATUS_COLOURS: Record<ApiToken['status'], string> = {
  active: 'green',
  expired: 'gray',
  revoked: 'red',
};

function RevokeButton({ token }: { token: ApiToken }) {
  const { t } = useTranslation();
  const revoke = useRevokeToken();
  const name = token.name;
  return (
    <ConfirmButton
      compact
      icon={<IconBan size={16} aria-hidden />}
      label={t('tokens.revokeNamed', { name })}
      title={t('tokens.revokeTitle', { name })}
      message={t('tokens.revokeConfirm', { name })}
      confirmLabel={t('tokens.revoke')}
      onConfirm={async () => {
        await revoke.mutateAsync(token.id);
        notifySuccess(t('tokens.revoked', { name }));
      }}
    />
  );
}

function TokensTable({ tokens }: { tokens: ApiToken[] }) {
  const { t, i18n } = useTranslation();
  const when = (iso: string | null) => (iso ? formatDateTime(iso, i18n.language) : t('tokens.never'));
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table aria-label={t('tokens.title')} highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('tokens.name')}</Table.Th>
            <Table.Th>{t('tokens.token')}</Table.Th>
            <Table.Th>{t('tokens.access')}</Table.Th>
            <Table.Th>{t('tokens.status')}</Table.Th>
            <Table.Th>{t('tokens.created')}</Table.Th>
            <Table.Th>{t('tokens.lastUsed')}</Table.Th>
            <Table.Th>{t('tokens.expires')}</Table.Th>
            <Table.Th>{t('common.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tokens.map((token) => (
            <Table.Tr key={token.id}>
              <Table.Td>{token.name}</Table.Td>
              <Table.Td>
                <Code>{`cus_${token.prefix}_…`}</Code>
              </Table.Td>
              <Table.Td>{token.read_only ? t('tokens.accessRead') : t('tokens.accessWrite')}</Table.Td>
              <Table.Td>
                <Badge color={STATUS_COLOURS[token.status]} variant="light" size="sm">
                  {t(`tokens.statuses.${token.status}`)}
                </Badge>
              </Table.Td>
              <Table.Td>{when(token.created_at)}</Table.Td>
              <Table.Td>{when(token.last_used_at)}</Table.Td>
              <Table.Td>{when(token.expires_at)}</Table.Td>
              <Table.Td>{token.status === 'active' && <RevokeButton token={token} />}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The signed-in user's API tokens: create (secret shown once), see use, revoke. */
export function TokensPage() {
  const { t } = useTranslation();
  const tokens = useMyTokens();
  const [creating, { open, close }] = useDisclosure(false);
  return (
    <>
      <PageHeader
        title={t('tokens.title')}
        actions={
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={open}>
            {t('tokens.create')}
          </Button>
        }
      />
      <Text mb="md" maw={720}>
        {t('tokens.intro')}
      </Text>
      {tokens.isPending && <Loading />}
      {tokens.isError && <ErrorAlert error={tokens.error} onRetry={() => void tokens.refetch()} />}
      {tokens.data?.length === 0 && <Text c="dimmed">{t('tokens.empty')}</Text>}
      {tokens.data && tokens.data.length > 0 && <TokensTable tokens={tokens.data} />}
      <TokenCreateModal opened={creating} onClose={close} />
    </>
  );
}
