/** The "Hàng đợi hồ sơ" section: the list at its root, a dossier's page at /can-bo/ho-so/:id. */
import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { PageLoading } from '../../components/page-loading';
import { QueuePage } from './queue-page';

const DossierPage = lazy(() => import('../dossier/dossier-page').then((m) => ({ default: m.DossierPage })));

export function DossiersSection() {
  return (
    <Suspense fallback={<PageLoading />}>
      <Routes>
        <Route index element={<QueuePage />} />
        <Route path=":id" element={<DossierPage />} />
      </Routes>
    </Suspense>
  );
}
