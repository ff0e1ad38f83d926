import { AuditOutlined, CommentOutlined, FileSearchOutlined, QuestionCircleOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { usePageTitle } from '../../components/page-title';
import { site } from '../../site';
import { ProcedureList } from './procedure-list';
import { ProcedureSearchBox } from './procedure-search-box';

const quickLinks = [
  { to: '/thu-tuc', icon: <AuditOutlined />, title: 'Thủ tục hành chính', text: 'Tra cứu thủ tục, thành phần hồ sơ, phí, lệ phí và nộp hồ sơ trực tuyến' },
  { to: '/tra-cuu', icon: <FileSearchOutlined />, title: 'Tra cứu hồ sơ', text: 'Theo dõi tiến độ giải quyết hồ sơ bằng mã hồ sơ trên giấy tiếp nhận' },
  { to: '/phan-anh-kien-nghi', icon: <CommentOutlined />, title: 'Phản ánh kiến nghị', text: 'Gửi phản ánh, kiến nghị về quy định và việc giải quyết thủ tục' },
  { to: '/hoi-dap', icon: <QuestionCircleOutlined />, title: 'Hỏi đáp', text: 'Câu hỏi thường gặp khi thực hiện thủ tục hành chính' },
];

export function HomePage() {
  usePageTitle(undefined);
  return (
    <>
      <section className="hero" aria-labelledby="hero-title">
        <div className="hero-inner">
          <h1 id="hero-title">Dịch vụ công trực tuyến tỉnh {site.provinceName}</h1>
          <p>Tra cứu thủ tục hành chính, nộp hồ sơ và theo dõi kết quả giải quyết mọi lúc, mọi nơi.</p>
          <ProcedureSearchBox />
        </div>
      </section>
      <div className="page-container">
        <nav className="quick-links" aria-label="Dịch vụ thường dùng">
          {quickLinks.map((item) => (
            <Link key={item.to} to={item.to} className="quick-link">
              {item.icon}
              <strong>{item.title}</strong>
              <span>{item.text}</span>
            </Link>
          ))}
        </nav>
        <div className="section-title">
          <h2>Thủ tục hành chính</h2>
          <Link to="/thu-tuc">Xem tất cả</Link>
        </div>
        <ProcedureList pageSize={8} />
      </div>
    </>
  );
}
