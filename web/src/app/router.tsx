import type { Permission } from '@server/core/permissions';
import { lazy, Suspense, type ReactNode } from 'react';
import { createBrowserRouter, Navigate, useLocation } from 'react-router';
import { TokensPage } from '../pages/accounts/tokens/TokensPage';
import { ActionsPage } from '../pages/actions/ActionsPage';
import { UsersPage } from '../pages/accounts/users/UsersPage';
import { AiActPage } from '../pages/ai-act/AiActPage';
import { AiSystemDetailPage } from '../pages/ai-registry/AiSystemDetailPage';
import { AiSystemsPage } from '../pages/ai-registry/AiSystemsPage';
import { AiDashboardPage } from '../pages/ai-registry/AiDashboardPage';
import { UsageAppsPage } from '../pages/ai-usage/UsageAppsPage';
import { UsageIngestPage } from '../pages/ai-usage/UsageIngestPage';
import { AuditPage } from '../pages/audit/AuditPage';
import { ComplianceAssessmentsPage } from '../pages/compliance/ComplianceAssessmentsPage';
import { CrosswalkPage } from '../pages/frameworks/CrosswalkPage';
import { FrameworkDetailPage } from '../pages/frameworks/FrameworkDetailPage';
import { LibraryPage } from '../pages/frameworks/LibraryPage';
import { SignInPage } from '../pages/auth/SignInPage';
import { AssetDetailPage } from '../pages/inventory/AssetDetailPage';
import { AssetsPage } from '../pages/inventory/AssetsPage';
import { InventoryImportPage } from '../pages/inventory/InventoryImportPage';
import { AccessCheckPage } from '../pages/sensitive-data/AccessCheckPage';
import { DisclosurePage } from '../pages/sensitive-data/DisclosurePage';
import { ScanPage } from '../pages/sensitive-data/ScanPage';
import { ScansPage } from '../pages/sensitive-data/ScansPage';
import { ImportPage } from '../pages/org/import/ImportPage';
import { RiskDetailPage } from '../pages/risks/RiskDetailPage';
import { RisksPage } from '../pages/risks/RisksPage';
import { OfficeDetailPage } from '../pages/org/offices/OfficeDetailPage';
import { OfficesPage } from '../pages/org/offices/OfficesPage';
import { PeoplePage } from '../pages/org/people/PeoplePage';
import { PersonDetailPage } from '../pages/org/people/PersonDetailPage';
import { RegionDetailPage } from '../pages/org/regions/RegionDetailPage';
import { RegionsPage } from '../pages/org/regions/RegionsPage';
import { RolloutPage } from '../pages/rollout/RolloutPage';
import { AssessmentPage } from '../pages/assessments/AssessmentPage';
import { AssessmentsPage } from '../pages/assessments/AssessmentsPage';
import { Loading } from '../components/Loading';
import { NotFoundPage } from './NotFoundPage';
import { RequireAuth } from './RequireAuth';
import { RequirePermission } from './RequirePermission';

/** The server sends failed single sign-on to `/login?error=<code>`: the sign-in page shows why. */
function LoginRedirect() {
  const { search } = useLocation();
  return <Navigate to={{ pathname: '/sign-in', search }} replace />;
}

// The dashboard brings ECharts: loaded when first opened, so the first page load stays small.
// The compliance assessment page draws its progress with ECharts, loaded only with it.
const ComplianceAssessmentPage = lazy(async () => ({
  default: (await import('../pages/compliance/ComplianceAssessmentPage')).ComplianceAssessmentPage,
}));
const ScorecardPage = lazy(async () => ({
  default: (await import('../pages/scorecard/ScorecardPage')).ScorecardPage,
}));

const ScorecardSettingsPage = lazy(async () => ({
  default: (await import('../pages/scorecard/settings/ScorecardSettingsPage')).ScorecardSettingsPage,
}));

// The usage dashboard brings ECharts too.
const UsageDashboardPage = lazy(async () => ({
  default: (await import('../pages/ai-usage/UsageDashboardPage')).UsageDashboardPage,
}));
const RiskDashboardPage = lazy(async () => ({
  default: (await import('../pages/risks/RiskDashboardPage')).RiskDashboardPage,
}));

const only = (permission: Permission, page: ReactNode) => (
  <RequirePermission permission={permission}>{page}</RequirePermission>
);

export const router = createBrowserRouter([
  { path: '/sign-in', element: <SignInPage /> },
  { path: '/login', element: <LoginRedirect /> },
  {
    element: <RequireAuth />,
    children: [
      { index: true, element: <Navigate to="/offices" replace /> },
      { path: 'regions', element: <RegionsPage /> },
      { path: 'regions/:id', element: <RegionDetailPage /> },
      { path: 'offices', element: <OfficesPage /> },
      { path: 'offices/:id', element: <OfficeDetailPage /> },
      { path: 'people', element: <PeoplePage /> },
      { path: 'people/:id', element: <PersonDetailPage /> },
      { path: 'import', element: only('people.import', <ImportPage />) },
      { path: 'rollout', element: only('rollout.read', <RolloutPage />) },
      { path: 'assessments', element: only('assessment.read', <AssessmentsPage />) },
      { path: 'assessments/:id', element: only('assessment.read', <AssessmentPage />) },
      { path: 'inventory/assets', element: only('inventory.read', <AssetsPage />) },
      { path: 'inventory/assets/:id', element: only('inventory.read', <AssetDetailPage />) },
      { path: 'inventory/import', element: only('inventory.read', <InventoryImportPage />) },
      {
        path: 'scorecard',
        element: only(
          'scorecard.read',
          <Suspense fallback={<Loading />}>
            <ScorecardPage />
          </Suspense>,
        ),
      },
      {
        path: 'scorecard/settings',
        element: only(
          'scorecard.manage',
          <Suspense fallback={<Loading />}>
            <ScorecardSettingsPage />
          </Suspense>,
        ),
      },
      { path: 'actions', element: only('actions.read', <ActionsPage />) },
      { path: 'sensitive-data/scans', element: only('classification.read', <ScansPage />) },
      { path: 'sensitive-data/scans/:id', element: only('classification.read', <ScanPage />) },
      { path: 'sensitive-data/access', element: only('classification.scan', <AccessCheckPage />) },
      { path: 'sensitive-data/disclosure', element: only('classification.read', <DisclosurePage />) },
      { path: 'ai-act', element: only('ai.read', <AiActPage />) },
      { path: 'ai-systems', element: only('ai.read', <AiSystemsPage />) },
      { path: 'ai-systems/dashboard', element: only('ai.read', <AiDashboardPage />) },
      { path: 'ai-systems/:id', element: only('ai.read', <AiSystemDetailPage />) },
      {
        path: 'usage',
        element: only(
          'usage.read',
          <Suspense fallback={<Loading />}>
            <UsageDashboardPage />
          </Suspense>,
        ),
      },
      { path: 'usage/ingest', element: only('usage.ingest', <UsageIngestPage />) },
      { path: 'usage/apps', element: only('usage.read', <UsageAppsPage />) },
      { path: 'risks', element: only('risk.read', <RisksPage />) },
      {
        path: 'risks/dashboard',
        element: only(
          'risk.read',
          <Suspense fallback={<Loading />}>
            <RiskDashboardPage />
          </Suspense>,
        ),
      },
      { path: 'risks/:id', element: only('risk.read', <RiskDetailPage />) },
      { path: 'frameworks', element: only('org.read', <LibraryPage />) },
      { path: 'frameworks/:id', element: only('org.read', <FrameworkDetailPage />) },
      { path: 'compliance', element: only('compliance.read', <ComplianceAssessmentsPage />) },
      {
        path: 'compliance/:id',
        element: only(
          'compliance.read',
          <Suspense fallback={<Loading />}>
            <ComplianceAssessmentPage />
          </Suspense>,
        ),
      },
      { path: 'crosswalk', element: only('org.read', <CrosswalkPage />) },
      { path: 'users', element: only('users.manage', <UsersPage />) },
      { path: 'audit', element: only('audit.read', <AuditPage />) },
      { path: 'tokens', element: only('account.self', <TokensPage />) },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
