/**
 * The signed-in user's menu, in the portal header and in the back-office header. Lazy in the portal: anonymous
 * visitors never download the dropdown.
 */
import { Button, Dropdown, Grid, type MenuProps } from 'antd';
import { DownOutlined, FolderOpenOutlined, GlobalOutlined, LogoutOutlined, SolutionOutlined, UserOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import type { SessionUser } from '../../shared/schemas/auth';
import { useSignOut } from '../api/auth';

export default function AccountDropdown({ user, place }: { user: SessionUser; place: 'portal' | 'back-office' }) {
  const navigate = useNavigate();
  const signOut = useSignOut();
  const screens = Grid.useBreakpoint();
  const items: MenuProps['items'] = [
    { key: '/tai-khoan', icon: <UserOutlined />, label: 'Tài khoản của tôi' },
    place === 'portal' && user.kind !== 'staff' ? { key: '/ho-so-cua-toi', icon: <FolderOpenOutlined />, label: 'Hồ sơ của tôi' } : null,
    place === 'portal'
      ? user.kind === 'staff'
        ? { key: '/can-bo', icon: <SolutionOutlined />, label: 'Trang làm việc của cán bộ' }
        : null
      : { key: '/', icon: <GlobalOutlined />, label: 'Cổng dịch vụ công' },
    { type: 'divider' as const },
    { key: 'sign-out', icon: <LogoutOutlined />, label: 'Đăng xuất' },
  ];
  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'sign-out') signOut.mutate(undefined, { onSettled: () => navigate(place === 'portal' ? '/' : '/dang-nhap') });
    else navigate(key);
  };
  // On narrow screens only the icon shows; the name stays the button's accessible name.
  const showName = screens.md !== false;
  return (
    <Dropdown trigger={['click']} menu={{ items, onClick }} placement="bottomRight">
      <Button type={place === 'portal' ? 'default' : 'text'} aria-label={`Tài khoản: ${user.fullName}`} icon={<UserOutlined />}>
        {showName && (
          <span className="account-name">
            {user.fullName}
            {place === 'back-office' && user.agency && <span className="account-agency"> · {user.agency.shortName}</span>}
          </span>
        )}
        {showName && <DownOutlined />}
      </Button>
    </Dropdown>
  );
}
