import { Alert, Badge, Group, List, Stack, Text, Title } from '@mantine/core';
import type { Classification } from '@server/modules/ai-registry/ai-act.schema';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AiActQuestion } from '../../api/ai-act';
import { currentLanguage } from '../../i18n';
import { MoreInfo } from './MoreInfo';
import { TIER_COLOURS } from './texts';

interface ResultDetailsProps {
  classification: Classification;
  questionsById: ReadonlyMap<string, AiActQuestion>;
}

/** A titled part of the result, named by its title for assistive technology. */
function Part({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <Stack gap={4} role="group" aria-labelledby={id}>
      <Title order={3} size="h5" id={id}>
        {title}
      </Title>
      {children}
    </Stack>
  );
}

/** The tier with a plain-language explanation; announced when it changes. */
export function TierSummary({ classification }: { classification: Classification }) {
  const { t } = useTranslation();
  const { tier } = classification;
  return (
    <Stack gap="xs" role="status">
      <Group gap="xs">
        <Text fw={600}>{t('aiAct.result.tier')}:</Text>
        <Badge size="lg" color={TIER_COLOURS[tier]} autoContrast tt="none">
          {t(`aiAct.result.tiers.${tier}.label`)}
        </Badge>
      </Group>
      <Text size="sm">{t(`aiAct.result.tiers.${tier}.explanation`)}</Text>
    </Stack>
  );
}

/**
 * Everything else in the result. Question ids become their labels in the reader's language; the
 * reasons and obligations come from the API in English and are marked as such.
 */
export function ResultDetails({ classification, questionsById }: ResultDetailsProps) {
  const { t } = useTranslation();
  const cited = (id: string) => {
    const question = questionsById.get(id);
    return question ? `${question.label} (${question.article})` : id;
  };
  const yesNo = (value: boolean) => (value ? t('common.yes') : t('common.no'));
  const { derogation, gpai } = classification;
  return (
    <Stack gap="md">
      <Part title={t('aiAct.result.articles')}>
        <Group gap={6}>
          {classification.articles.map((article) => (
            <Badge key={article} variant="outline" color="gray.8" radius="sm" tt="none">
              {article}
            </Badge>
          ))}
        </Group>
      </Part>

      <Part title={t('aiAct.result.transparency')}>
        {classification.transparency.length === 0 ? (
          <Text size="sm">{t('aiAct.result.noTransparency')}</Text>
        ) : (
          <List size="sm">
            {classification.transparency.map((id) => (
              <List.Item key={id}>{cited(id)}</List.Item>
            ))}
          </List>
        )}
      </Part>

      {derogation && (
        <Part title={t('aiAct.result.derogation')}>
          <Text size="sm">{t('aiAct.result.derogationConditions')}:</Text>
          <List size="sm">
            {derogation.conditions.map((id) => (
              <List.Item key={id}>{cited(id)}</List.Item>
            ))}
          </List>
          <Text size="sm">{t('aiAct.result.derogationPoints')}:</Text>
          <List size="sm">
            {derogation.annex3_points.map((id) => (
              <List.Item key={id}>{cited(id)}</List.Item>
            ))}
          </List>
          <Alert
            color="orange"
            icon={<IconAlertTriangle aria-hidden />}
            title={t('aiAct.result.justificationTitle')}
            mt="xs"
          >
            <Text size="sm">{t('aiAct.result.justification')}</Text>
          </Alert>
        </Part>
      )}

      <Part title={t('aiAct.result.gpai')}>
        <Text size="sm">{t('aiAct.result.gpaiModel', { answer: yesNo(gpai.model) })}</Text>
        {gpai.model && (
          <Text size="sm">{t('aiAct.result.gpaiSystemicRisk', { answer: yesNo(gpai.systemic_risk) })}</Text>
        )}
      </Part>

      {currentLanguage() !== 'en' && (
        <Text size="sm" c="dimmed">
          {t('aiAct.result.inEnglish')}
        </Text>
      )}
      <Part title={t('aiAct.result.obligations')}>
        <List size="sm" spacing={4} lang="en">
          {classification.obligations.map((obligation) => (
            <List.Item key={obligation}>{obligation}</List.Item>
          ))}
        </List>
      </Part>

      <Part title={t('aiAct.result.reasons')}>
        <List size="sm" spacing={4} lang="en">
          {classification.reasons.map((reason) => (
            <List.Item key={reason}>{reason}</List.Item>
          ))}
        </List>
      </Part>

      {classification.assumed_no.length === 0 ? (
        <Text size="sm">{t('aiAct.result.assumedNoNone')}</Text>
      ) : (
        <MoreInfo label={t('aiAct.result.assumedNo', { count: classification.assumed_no.length })}>
          <List size="sm">
            {classification.assumed_no.map((id) => (
              <List.Item key={id}>{cited(id)}</List.Item>
            ))}
          </List>
        </MoreInfo>
      )}
    </Stack>
  );
}
