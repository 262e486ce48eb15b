import { lazy, Suspense } from 'react';
import { Navigate, Outlet, Route, Routes, useLocation } from 'react-router-dom';
import Header from './components/Header';
import { useSession } from './components/Session';
import { Loading } from './components/ui';
import SignIn from './pages/SignIn';
import { useI18n } from './i18n/I18n';

// Every page but sign-in is its own chunk, so that the first load carries only the shell.
const Home = lazy(() => import('./pages/Home'));
const Search = lazy(() => import('./pages/Search'));
const AssetPage = lazy(() => import('./pages/asset/AssetPage'));
const Metrics = lazy(() => import('./pages/Metrics'));
const MetricPage = lazy(() => import('./pages/MetricPage'));
const Chat = lazy(() => import('./pages/Chat'));
const Governance = lazy(() => import('./pages/Governance'));
const Admin = lazy(() => import('./pages/admin/Admin'));
const Tokens = lazy(() => import('./pages/Tokens'));

function Shell() {
  const { me, loading } = useSession();
  const location = useLocation();
  if (loading) return <Loading />;
  if (!me) return <Navigate to={`/signin?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  return (
    <div className="app">
      <Header />
      <main className="main">
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
    </div>
  );
}

function NotFound() {
  const { t } = useI18n();
  return (
    <div className="page">
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.text')}</p>
    </div>
  );
}

export default function App() {
  return (
    <Routes>
      <Route path="/signin" element={<SignIn />} />
      <Route element={<Shell />}>
        <Route index element={<Home />} />
        <Route path="search" element={<Search />} />
        <Route path="asset/:id" element={<AssetPage />} />
        <Route path="metrics" element={<Metrics />} />
        <Route path="metrics/:name" element={<MetricPage />} />
        <Route path="chat" element={<Chat />} />
        <Route path="governance" element={<Governance />} />
        <Route path="admin/*" element={<Admin />} />
        <Route path="tokens" element={<Tokens />} />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
