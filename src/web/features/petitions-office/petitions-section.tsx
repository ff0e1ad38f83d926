/**
 * The "Phản ánh, kiến nghị" section of the back office: petitions, citizens' questions (FAQ) and, for those who
 * organise surveys, the survey results, as tabs at /can-bo/phan-anh; a petition at /can-bo/phan-anh/:id and the
 * entry of a letter or phone call at /can-bo/phan-anh/vao-so.
 */
import { lazy, Suspense } from 'react';
import { Tabs, Typography } from 'antd';
import { Route, Routes, useSearchParams } from 'react-router';
import { Permission } from '../../../shared/permissions';
import { useSession } from '../../api/client';
import { PageLoading } from '../../components/page-loading';
import { usePageTitle } from '../../components/page-title';
import { site } from '../../site';
import { PetitionList } from './petition-list';

const PetitionPage = lazy(() => import('./petition-page').then((m) => ({ default: m.PetitionPage })));
const RegisterPetitionPage = lazy(() => import('./register-petition-page').then((m) => ({ default: m.RegisterPetitionPage })));
const FaqOffice = lazy(() => import('./faq-office').then((m) => ({ default: m.FaqOffice })));
const SurveyResultsView = lazy(() => import('./survey-results').then((m) => ({ default: m.SurveyResultsView })));

const TAB_TITLES: Record<string, string> = { 'phan-anh': 'Phản ánh, kiến nghị', 'hoi-dap': 'Hỏi đáp', 'khao-sat': 'Kết quả khảo sát' };

function FeedbackOffice() {
  const { can } = useSession();
  const [params, setParams] = useSearchParams();
  const items = [
    { key: 'phan-anh', label: TAB_TITLES['phan-anh'], children: <PetitionList /> },
    { key: 'hoi-dap', label: TAB_TITLES['hoi-dap'], children: <Suspense fallback={<PageLoading />}><FaqOffice /></Suspense> },
    ...(can(Permission.REFORM_MANAGE)
      ? [{ key: 'khao-sat', label: TAB_TITLES['khao-sat'], children: <Suspense fallback={<PageLoading />}><SurveyResultsView /></Suspense> }]
      : []),
  ];
  const requested = params.get('muc') ?? 'phan-anh';
  const tab = items.some((i) => i.key === requested) ? requested : 'phan-anh';
  usePageTitle(TAB_TITLES[tab], site.backOfficeTitle);
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>
        Phản ánh, kiến nghị và hỏi đáp
      </Typography.Title>
      <Tabs activeKey={tab} onChange={(key) => setParams(key === 'phan-anh' ? {} : { muc: key }, { replace: true })} items={items} destroyOnHidden />
    </>
  );
}

export function PetitionsSection() {
  return (
    <Suspense fallback={<PageLoading />}>
      <Routes>
        <Route index element={<FeedbackOffice />} />
        <Route path="vao-so" element={<RegisterPetitionPage />} />
        <Route path=":id" element={<PetitionPage />} />
      </Routes>
    </Suspense>
  );
}
