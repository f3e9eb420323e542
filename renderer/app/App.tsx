import { Link, Route, Router, Switch } from 'wouter';
import { MastersPage } from '../features/masters/MastersPage';
import { useHashLocation } from 'wouter/use-hash-location';
import { CostPage } from '../features/cost/CostPage';
import { FormPage } from '../features/forms/FormPage';
import { CheckPage } from '../features/check/CheckPage';
import { PackagePage } from '../features/package/PackagePage';
import { RosterPage } from '../features/roster/RosterPage';
import { JizenSoudanPage } from '../features/jizen-soudan/JizenSoudanPage';
import { ProjectListPage } from '../features/projects/ProjectListPage';
import { SitesPage } from '../features/sites/SitesPage';
import { ProjectPage } from '../features/projects/ProjectPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { BackupPage } from '../features/backup/BackupPage';
import { BackupReminder } from '../features/backup/BackupReminder';
import { ChangeFilingPage } from '../features/changes/ChangeFilingPage';
import { InquiryResponsePage } from '../features/inquiry/InquiryResponsePage';
import { AdverseEventPage } from '../features/safety/AdverseEventPage';
import { HealthRiskPage } from '../features/safety/HealthRiskPage';
import { DeadlinesPage } from '../features/deadlines/DeadlinesPage';
import { ReportPage } from '../features/reports/ReportPage';

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
        <Switch>
          <Route path="/">{() => <ProjectListPage />}</Route>
          <Route path="/deadlines">{() => <DeadlinesPage />}</Route>
          <Route path="/settings">{() => <SettingsPage />}</Route>
          <Route path="/backup">{() => <BackupPage />}</Route>
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
          <Route path="/projects/:id/jizen-soudan">{(p) => <JizenSoudanPage projectId={p.id} />}</Route>
          <Route path="/projects/:id">{(p) => <ProjectPage projectId={p.id} />}</Route>
          <Route>
            <p className="error-box">このページはありません。<Link href="/">案件一覧へ戻る</Link></p>
          </Route>
        </Switch>
      </main>
    </Router>
  );
}
