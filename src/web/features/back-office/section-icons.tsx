import type { ReactNode } from 'react';
import {
  AuditOutlined,
  BankOutlined,
  BarChartOutlined,
  CalendarOutlined,
  FileDoneOutlined,
  HistoryOutlined,
  InboxOutlined,
  MessageOutlined,
  TeamOutlined,
  FileTextOutlined,
  ScheduleOutlined,
  IdcardOutlined,
  SafetyCertificateOutlined,
  FileWordOutlined,
  SolutionOutlined,
} from '@ant-design/icons';
import type { SectionIcon } from './sections';

/** Icons of the back-office sections (kept apart from sections.ts so the router does not load them). */
export const sectionIcons: Record<SectionIcon, ReactNode> = {
  queue: <InboxOutlined />,
  intake: <FileDoneOutlined />,
  catalog: <AuditOutlined />,
  statistics: <BarChartOutlined />,
  units: <BankOutlined />,
  users: <TeamOutlined />,
  calendar: <CalendarOutlined />,
  audit: <HistoryOutlined />,
  petitions: <MessageOutlined />,
  'reform-documents': <FileTextOutlined />,
  'reform-plans': <ScheduleOutlined />,
  'reform-staffing': <IdcardOutlined />,
  'reform-inspections': <SafetyCertificateOutlined />,
  'reform-report': <FileWordOutlined />,
  'reform-unit-reports': <SolutionOutlined />,
};
