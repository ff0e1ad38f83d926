import { Card, Col, Row, Statistic, Tag, Typography } from 'antd';
import { ClockCircleOutlined, ExclamationCircleOutlined, FileSyncOutlined, InboxOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { Permission, roleLabels, type Role } from '../../../shared/permissions';
import { formatDate } from '../../../shared/text';
import { useSession } from '../../api/client';
import { usePageTitle } from '../../components/page-title';
import { site } from '../../site';
import { useQueueCounts } from '../queue/queue-api';
import { sectionIcons } from './section-icons';
import { BACK_OFFICE_BASE, visibleSections } from './sections';

/**
 * Work queues at a glance, counted by the server (GET /api/dossiers/queues/summary); each card opens the queue
 * filtered accordingly.
 */
const queues = [
  { key: 'mine' as const, title: 'Việc của tôi', hint: 'Hồ sơ đang chờ bạn xử lý', icon: <InboxOutlined />, color: '#0b57a4' },
  { key: 'due_soon' as const, title: 'Sắp đến hạn', hint: 'Sắp đến thời hạn giải quyết', icon: <ClockCircleOutlined />, color: '#ad6800' },
  { key: 'overdue' as const, title: 'Quá hạn', hint: 'Đã quá thời hạn giải quyết', icon: <ExclamationCircleOutlined />, color: '#b3261e' },
  { key: 'waiting_for_supplement' as const, title: 'Chờ bổ sung', hint: 'Đang chờ người nộp bổ sung hồ sơ', icon: <FileSyncOutlined />, color: '#52606d' },
];

export function BackOfficeHome() {
  usePageTitle('Trang chủ', site.backOfficeTitle);
  const { user, can } = useSession();
  const seesQueues = can(Permission.DOSSIER_READ_AGENCY, Permission.DOSSIER_PROCESS);
  const counts = useQueueCounts(seesQueues);
  if (!user) return null;
  const sections = visibleSections(can).filter((s) => s.path !== 'ho-so');
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 24, marginTop: 0 }}>
        Xin chào, {user.fullName}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {[user.department?.name, user.agency?.name].filter(Boolean).join(', ')}
        {user.department || user.agency ? ' · ' : ''}Hôm nay {formatDate(new Date())}
      </Typography.Paragraph>
      <div style={{ marginBottom: 24 }}>
        {user.roles.map((r) => (
          <Tag key={r} color="blue">
            {roleLabels[r as Role] ?? r}
          </Tag>
        ))}
      </div>
      {seesQueues && (
        <section aria-labelledby="queues-title">
          <Typography.Title level={2} id="queues-title" style={{ fontSize: 18 }}>
            Hồ sơ cần xử lý
          </Typography.Title>
          <Row gutter={[16, 16]} className="queue-cards">
            {queues.map((q) => (
              <Col key={q.key} xs={12} lg={6}>
                <Link to={`${BACK_OFFICE_BASE}/ho-so?hang-doi=${q.key}`} className="bo-card-link" aria-label={`${q.title}: ${counts.data?.counts[q.key] ?? 0} hồ sơ`}>
                  <Card hoverable style={{ borderTop: `3px solid ${q.color}` }}>
                    <Statistic title={q.title} value={counts.data?.counts[q.key] ?? 0} loading={counts.isPending} prefix={<span style={{ color: q.color }}>{q.icon}</span>} />
                    <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                      {q.hint}
                    </Typography.Text>
                  </Card>
                </Link>
              </Col>
            ))}
          </Row>
        </section>
      )}
      {sections.length > 0 && (
        <section aria-labelledby="sections-title" style={{ marginTop: 32 }}>
          <Typography.Title level={2} id="sections-title" style={{ fontSize: 18 }}>
            Chức năng
          </Typography.Title>
          <Row gutter={[16, 16]}>
            {sections.map((s) => (
              <Col key={s.path} xs={24} sm={12} lg={6}>
                <Link to={`${BACK_OFFICE_BASE}/${s.path}`} className="bo-card-link">
                  <Card hoverable size="small">
                    <span style={{ color: '#0b57a4', marginRight: 10, fontSize: 18 }}>{sectionIcons[s.icon]}</span>
                    {s.label}
                  </Card>
                </Link>
              </Col>
            ))}
          </Row>
        </section>
      )}
    </>
  );
}
