/** The back office for staff: a sider menu limited to the user's permissions, a header with the user's agency. */
import { useEffect, useState } from 'react';
import { Button, Grid, Layout, Menu, type MenuProps } from 'antd';
import { CloseOutlined, HomeOutlined, MenuFoldOutlined, MenuUnfoldOutlined } from '@ant-design/icons';
import { Link, Navigate, Outlet, useLocation, useNavigation } from 'react-router';
import { useSession } from '../api/client';
import AccountDropdown from './account-dropdown';
import { Forbidden, signInPath } from '../components/guards';
import { PageLoading } from '../components/page-loading';
import { ProvinceMark } from '../components/province-mark';
import { sectionIcons } from '../features/back-office/section-icons';
import { BACK_OFFICE_BASE, visibleSections } from '../features/back-office/sections';
import { site } from '../site';


export function BackOfficeLayout() {
  const { user, isLoading, can } = useSession();
  const location = useLocation();
  const navigation = useNavigation();
  const screens = Grid.useBreakpoint();
  // Wide screens: the menu shows until folded. Narrow screens: it stays hidden until opened, over the content.
  const [toggled, setToggled] = useState(false);
  const narrow = screens.lg === false;
  const siderCollapsed = narrow ? !toggled : toggled;
  const overlayOpen = narrow && toggled;
  useEffect(() => {
    if (!overlayOpen) return;
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setToggled(false);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [overlayOpen]);

  if (isLoading) return <PageLoading />;
  if (!user) return <Navigate to={signInPath(location.pathname + location.search)} replace />;
  if (user.kind !== 'staff') return <Forbidden title="Trang này dành cho cán bộ, công chức thực hiện giải quyết thủ tục hành chính." />;

  const sections = visibleSections(can);
  const items: MenuProps['items'] = [
    { key: BACK_OFFICE_BASE, icon: <HomeOutlined />, label: <Link to={BACK_OFFICE_BASE}>Trang chủ</Link> },
    ...sections.map((s) => {
      const to = `${BACK_OFFICE_BASE}/${s.path}`;
      return { key: to, icon: sectionIcons[s.icon], label: <Link to={to}>{s.label}</Link> };
    }),
  ];
  const selected = sections
    .map((s) => `${BACK_OFFICE_BASE}/${s.path}`)
    .find((to) => location.pathname === to || location.pathname.startsWith(`${to}/`));
  const current = sections.find((s) => `${BACK_OFFICE_BASE}/${s.path}` === selected);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {navigation.state === 'loading' && <div className="route-progress" role="progressbar" aria-label="Đang tải trang" />}
      {overlayOpen && <div className="bo-backdrop" aria-hidden onClick={() => setToggled(false)} />}
      <Layout.Sider
        width={248}
        collapsible
        trigger={null}
        collapsed={siderCollapsed}
        collapsedWidth={narrow ? 0 : 72}
        style={narrow ? { position: 'fixed', top: 0, bottom: 0, left: 0, zIndex: 20, overflowY: 'auto' } : undefined}
      >
        <div className="bo-brand-row">
          <Link to={BACK_OFFICE_BASE} className="bo-brand" aria-label={`${site.backOfficeTitle}, trang chủ cán bộ`}>
            <ProvinceMark size={32} />
            {!siderCollapsed && <span>{site.backOfficeTitle}</span>}
          </Link>
          {overlayOpen && (
            <Button type="text" className="bo-close" icon={<CloseOutlined />} aria-label="Đóng menu chức năng" onClick={() => setToggled(false)} />
          )}
        </div>
        <nav aria-label="Chức năng">
          <Menu
            theme="dark"
            mode="inline"
            items={items}
            selectedKeys={[selected ?? BACK_OFFICE_BASE]}
            style={{ background: 'transparent' }}
            onClick={() => narrow && setToggled(false)}
          />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header className="bo-header">
          <div style={{ display: 'flex', alignItems: 'center', gap: 8, minWidth: 0 }}>
            <Button
              type="text"
              icon={siderCollapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
              aria-label={siderCollapsed ? 'Mở menu chức năng' : 'Thu gọn menu chức năng'}
              onClick={() => setToggled((t) => !t)}
            />
            <span className="bo-header-title">{current?.label ?? 'Trang làm việc của cán bộ'}</span>
          </div>
          <AccountDropdown user={user} place="back-office" />
        </Layout.Header>
        <Layout.Content className="bo-content" id="noi-dung">
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

