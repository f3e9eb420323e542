import { Suspense, lazy } from 'react';
import { Link, Route, Router, Switch } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
import { ProjectListPage } from '../features/projects/ProjectListPage';
import { BackupReminder } from '../features/backup/BackupReminder';

/**
 * Every screen but the project list is loaded when first opened (issue 17): the app starts by
 * evaluating only what the list needs, not the forms, checks, layout engine and writers.
 */
const MastersPage = lazy(() => import('../features/masters/MastersPage').then((m) => ({ default: m.MastersPage })));
const CostPage = lazy(() => import('../features/cost/CostPage').then((m) => ({ default: m.CostPage })));
const FormPage = lazy(() => import('../features/forms/FormPage').then((m) => ({ default: m.FormPage })));
const CheckPage = lazy(() => import('../features/check/CheckPage').then((m) => ({ default: m.CheckPage })));
const PackagePage = lazy(() => import('../features/package/PackagePage').then((m) => ({ default: m.PackagePage })));
const RosterPage = lazy(() => import('../features/roster/RosterPage').then((m) => ({ default: m.RosterPage })));
const JizenSoudanPage = lazy(() => import('../features/jizen-soudan/JizenSoudanPage').then((m) => ({ default: m.JizenSoudanPage })));
const SitesPage = lazy(() => import('../features/sites/SitesPage').then((m) => ({ default: m.SitesPage })));
const SearchPage = lazy(() => import('../features/search/SearchPage').then((m) => ({ default: m.SearchPage })));
const CarryPage = lazy(() => import('../features/projects/CarryPage').then((m) => ({ default: m.CarryPage })));
const ProjectPage = lazy(() => import('../features/projects/ProjectPage').then((m) => ({ default: m.ProjectPage })));
const SettingsPage = lazy(() => import('../features/settings/SettingsPage').then((m) => ({ default: m.SettingsPage })));
const BackupPage = lazy(() => import('../features/backup/BackupPage').then((m) => ({ default: m.BackupPage })));
const ChangeFilingPage = lazy(() => import('../features/changes/ChangeFilingPage').then((m) => ({ default: m.ChangeFilingPage })));
const InquiryResponsePage = lazy(() => import('../features/inquiry/InquiryResponsePage').then((m) => ({ default: m.InquiryResponsePage })));
const AdverseEventPage = lazy(() => import('../features/safety/AdverseEventPage').then((m) => ({ default: m.AdverseEventPage })));
const HealthRiskPage = lazy(() => import('../features/safety/HealthRiskPage').then((m) => ({ default: m.HealthRiskPage })));
const DeadlinesPage = lazy(() => import('../features/deadlines/DeadlinesPage').then((m) => ({ default: m.DeadlinesPage })));
const ReportPage = lazy(() => import('../features/reports/ReportPage').then((m) => ({ default: m.ReportPage })));

export function App() {
  return (
    <Router hook={useHashLocation}>
      {/* A button, not href="#main": with hash routing a fragment link would change the page. */}
      <button type="button" className="skip-link" onClick={() => document.getElementById('main')?.focus()}>
        本文へ移動
      </button>
      <header className="app-header">
        <Link href="/" className="brand">
          senshin-desk <span className="brand-sub">先進医療 届出デスク</span>
        </Link>
        <nav aria-label="メイン">
          <Link href="/" className="nav-link">
            案件一覧
          </Link>
          <Link href="/search" className="nav-link">
            検索
          </Link>
          <Link href="/roster" className="nav-link">
            職員名簿
          </Link>
          <Link href="/masters" className="nav-link">
            マスタ
          </Link>
          <Link href="/backup" className="nav-link">
            バックアップ
          </Link>
          <Link href="/settings" className="nav-link">
            設定
          </Link>
        </nav>
      </header>
      <BackupReminder />
      <main id="main" className="app-main" tabIndex={-1}>
        <Suspense fallback={<p className="loading">読み込み中…</p>}>
        <Switch>
          <Route path="/">{() => <ProjectListPage />}</Route>
          <Route path="/deadlines">{() => <DeadlinesPage />}</Route>
          <Route path="/settings">{() => <SettingsPage />}</Route>
          <Route path="/backup">{() => <BackupPage />}</Route>
          <Route path="/search">{() => <SearchPage />}</Route>
          <Route path="/roster">{() => <RosterPage />}</Route>
          <Route path="/masters">{() => <MastersPage tab="committees" />}</Route>
          <Route path="/masters/:tab">{(p) => <MastersPage tab={p.tab} />}</Route>
          <Route path="/projects/:id/package">{(p) => <PackagePage projectId={p.id} />}</Route>
          <Route path="/projects/:id/check">{(p) => <CheckPage projectId={p.id} />}</Route>
          <Route path="/projects/:id/sites">{(p) => <SitesPage projectId={p.id} />}</Route>
          <Route path="/projects/:id/cost">{(p) => <CostPage projectId={p.id} />}</Route>
          <Route path="/projects/:id/forms/:form">{(p) => <FormPage projectId={p.id} formKey={p.form} />}</Route>
          <Route path="/projects/:id/filings/:filingId/change">{(p) => <ChangeFilingPage projectId={p.id} filingId={p.filingId} />}</Route>
          <Route path="/projects/:id/filings/:filingId/inquiry">{(p) => <InquiryResponsePage projectId={p.id} filingId={p.filingId} />}</Route>
          <Route path="/projects/:id/filings/:filingId/adverse-event">{(p) => <AdverseEventPage projectId={p.id} filingId={p.filingId} />}</Route>
          <Route path="/projects/:id/filings/:filingId/health-risk">{(p) => <HealthRiskPage projectId={p.id} filingId={p.filingId} />}</Route>
          <Route path="/projects/:id/filings/:filingId/report">{(p) => <ReportPage projectId={p.id} filingId={p.filingId} />}</Route>
          <Route path="/projects/:id/carry">{(p) => <CarryPage projectId={p.id} />}</Route>
          <Route path="/projects/:id/jizen-soudan">{(p) => <JizenSoudanPage projectId={p.id} />}</Route>
          <Route path="/projects/:id">{(p) => <ProjectPage projectId={p.id} />}</Route>
          <Route>
            <p className="error-box">このページはありません。<Link href="/">案件一覧へ戻る</Link></p>
          </Route>
        </Switch>
        </Suspense>
      </main>
    </Router>
  );
}
