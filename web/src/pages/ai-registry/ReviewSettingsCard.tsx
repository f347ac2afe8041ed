import { Button, Group, NumberInput, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { TIERS, type Tier } from '@server/modules/ai-registry/ai-act.schema';
import type { ReviewMonths } from '@server/modules/ai-registry/ai-review.schema';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAiReviewCheck, useAiReviewSettings, useUpdateAiReviewSettings } from '../../api/ai-systems';
import { useCan } from '../../api/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifySuccess } from '../../components/notify';

/** The months between reviews by tier: admins change them; verifiers can run the review check now. */
export function ReviewSettingsCard() {
  const { t } = useTranslation();
  const can = useCan();
  const settings = useAiReviewSettings();
  const update = useUpdateAiReviewSettings();
  const check = useAiReviewCheck();
  const [edited, setEdited] = useState<Partial<ReviewMonths>>({});
  const title = t('aiDashboard.reviews.title');
  if (settings.isError) return <ErrorAlert error={settings.error} onRetry={() => void settings.refetch()} />;
  if (!settings.data) return null;
  const { review_months: months, version } = settings.data;
  const admin = can('system.admin');
  const value = (tier: Tier) => edited[tier] ?? months[tier];
  const changed = TIERS.some((tier) => value(tier) !== months[tier]);
  const save = () =>
    update.mutate(
      { version, review_months: edited },
      {
        onSuccess: () => {
          setEdited({});
          notifySuccess(t('aiDashboard.reviews.saved'));
        },
      },
    );

  return (
    <Paper withBorder p="md" component="section" aria-label={title}>
      <Stack gap="sm">
        <Title order={2} size="h4">
          {title}
        </Title>
        <Text size="sm" c="dimmed">
          {t('aiDashboard.reviews.intro')}
        </Text>
        <SimpleGrid cols={{ base: 2, sm: 5 }}>
          {TIERS.map((tier) => (
            <NumberInput
              key={tier}
              label={t(`aiAct.result.tiers.${tier}.label`)}
              suffix={` ${t('aiDashboard.reviews.months')}`}
              min={0}
              max={60}
              allowDecimal={false}
              allowNegative={false}
              readOnly={!admin}
              variant={admin ? 'default' : 'filled'}
              value={value(tier)}
              onChange={(next) =>
                // An emptied field goes back to the stored value rather than to 0 (due at once).
                setEdited((current) => ({ ...current, [tier]: typeof next === 'number' ? next : undefined }))
              }
            />
          ))}
        </SimpleGrid>
        {update.error && (
          <ErrorAlert
            error={update.error}
            onRetry={() => {
              setEdited({});
              update.reset();
              void settings.refetch();
            }}
          />
        )}
        {check.error && <ErrorAlert error={check.error} />}
        <Group>
          {admin && (
            <Button onClick={save} disabled={!changed} loading={update.isPending}>
              {t('aiDashboard.reviews.save')}
            </Button>
          )}
          {can('ai.verify') && (
            <Button
              variant="default"
              loading={check.isPending}
              onClick={() =>
                check.mutate(undefined, {
                  onSuccess: (result) =>
                    notifySuccess(
                      t('aiDashboard.reviews.checked', {
                        overdue: result.overdue,
                        opened: result.actions.opened,
                        closed: result.actions.closed,
                      }),
                    ),
                })
              }
            >
              {t('aiDashboard.reviews.check')}
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
