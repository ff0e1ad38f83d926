/** The public portal: province header, main navigation, account menu, footer. Usable from 360 px up. */
import { lazy, Suspense, useEffect, useState } from 'react';
import { Button } from 'antd';
import { CloseOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { Link, NavLink, Outlet, useLocation, useNavigate, useNavigation } from 'react-router';
import { useSession } from '../api/client';
import { site } from '../site';
import { ProvinceMark } from '../components/province-mark';

const AccountDropdown = lazy(() => import('./account-dropdown'));

export const portalNav = [
  { to: '/', label: 'Trang chủ', end: true },
  { to: '/thu-tuc', label: 'Thủ tục hành chính' },
  { to: '/tra-cuu', label: 'Tra cứu hồ sơ' },
  { to: '/phan-anh-kien-nghi', label: 'Phản ánh kiến nghị' },
  { to: '/hoi-dap', label: 'Hỏi đáp' },
  { to: '/thong-ke', label: 'Thống kê' },
] as const;

function AccountMenu() {
  const { user, isLoading } = useSession();
  const navigate = useNavigate();
  if (isLoading) return <span className="account-placeholder" aria-hidden />;
  if (user) {
    return (
      <Suspense fallback={<span className="account-placeholder" aria-hidden />}>
        <AccountDropdown user={user} place="portal" />
      </Suspense>
    );
  }
  return (
    <div className="account-actions">
      <Link to="/dang-ky" className="account-register">
        Đăng ký
      </Link>
      <Button type="primary" icon={<UserOutlined />} onClick={() => navigate('/dang-nhap')}>
        <span className="sign-in-label">Đăng nhập</span>
      </Button>
    </div>
  );
}

export function PortalLayout() {
  const navigation = useNavigation();
  const location = useLocation();
  // Small screens: the navigation folds under a menu button and folds back after each navigation.
  const [navOpen, setNavOpen] = useState(false);
  useEffect(() => setNavOpen(false), [location.pathname]);
  return (
    <div className="portal">
      <a className="skip-link" href="#noi-dung">
        Bỏ qua, đến nội dung chính
      </a>
      {navigation.state === 'loading' && <div className="route-progress" role="progressbar" aria-label="Đang tải trang" />}
      <header className="portal-header">
        <div className="portal-header-inner">
          <Link to="/" className="portal-brand" aria-label={`${site.portalTitle}, về trang chủ`}>
            <ProvinceMark size={44} />
            <span className="portal-brand-text">
              <span className="portal-brand-owner">{site.owner}</span>
              <span className="portal-brand-title">{site.portalTitle}</span>
            </span>
          </Link>
          <div className="portal-header-actions">
            <AccountMenu />
            <Button
              className="nav-toggle"
              type="text"
              icon={navOpen ? <CloseOutlined /> : <MenuOutlined />}
              aria-label={navOpen ? 'Đóng menu' : 'Mở menu'}
              aria-expanded={navOpen}
              aria-controls="dieu-huong-chinh"
              onClick={() => setNavOpen((open) => !open)}
            />
          </div>
        </div>
        <nav id="dieu-huong-chinh" className={navOpen ? 'portal-nav open' : 'portal-nav'} aria-label="Điều hướng chính">
          <div className="portal-nav-inner">
            {portalNav.map((item) => (
              <NavLink key={item.to} to={item.to} end={'end' in item} onClick={() => setNavOpen(false)}>
                {item.label}
              </NavLink>
            ))}
          </div>
        </nav>
      </header>
      <main id="noi-dung" className="portal-main" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="portal-footer">
        <div className="portal-footer-inner">
          <div>
            <p className="portal-footer-title">{site.portalTitle}</p>
            <p>Cơ quan chủ quản: {site.owner}</p>
          </div>
          <nav aria-label="Liên kết chân trang" className="portal-footer-links">
            <Link to="/thu-tuc">Thủ tục hành chính</Link>
            <Link to="/tra-cuu">Tra cứu hồ sơ</Link>
            <Link to="/hoi-dap">Hỏi đáp</Link>
            <a href="/api/docs">Tài liệu API</a>
          </nav>
        </div>
        <p className="portal-footer-note">Hệ thống MotCua, phần mềm nguồn mở phục vụ giải quyết thủ tục hành chính.</p>
      </footer>
    </div>
  );
}
