import type { ReactNode } from 'react';
import { Card } from 'antd';

/** The frame of the account pages: a centred card with a heading and a short lead. */
export function AuthCard({ title, lead, wide, children }: { title: string; lead?: ReactNode; wide?: boolean; children: ReactNode }) {
  return (
    <div className="auth-page">
      <Card className={wide ? 'auth-card wide' : 'auth-card'}>
        <h1>{title}</h1>
        {lead && <p className="auth-lead">{lead}</p>}
        {children}
      </Card>
    </div>
  );
}
