import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestContext } from '../../test/test-app';
import { DEMO_STAFF_PASSWORD } from '../../seed/demo-accounts';
import { seedDemo } from '../../seed/seed-demo';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe('demo feedback data', () => {
  it('publishes FAQ entries and an answer, queues petitions for Sở Tư pháp, opens a survey; a second run adds nothing', async () => {
    const first = await seedDemo(t.database, { catalogExtension: false });
    expect(first.added.find((a) => a.name === 'feedback')!.rows).toBe(6 + 1 + 3 + 1);

    const faq = (await t.app.inject({ method: 'GET', url: `/api/public/faq?q=${encodeURIComponent('dang ky khai sinh')}` })).json();
    expect(faq.items.length).toBeGreaterThanOrEqual(2);
    expect(faq.items[0].procedure.name).toBe('Đăng ký khai sinh');

    const published = (await t.app.inject({ method: 'GET', url: '/api/public/petitions' })).json();
    expect(published.items).toHaveLength(1);
    expect(JSON.stringify(published)).not.toContain('Nguyễn Văn An');

    const leader = await signIn(t.app, 'ld.stp', DEMO_STAFF_PASSWORD);
    const queue = (await t.app.inject({ method: 'GET', url: '/api/petitions', headers: leader.headers })).json();
    expect(queue.items.map((p: { status: string }) => p.status).sort()).toEqual(['in_progress', 'published', 'received']);

    const reform = await signIn(t.app, 'cchc.snv', DEMO_STAFF_PASSWORD);
    const [campaign] = (await t.app.inject({ method: 'GET', url: '/api/surveys', headers: reform.headers })).json();
    expect(campaign).toMatchObject({ status: 'open' });
    const form = (await t.app.inject({ method: 'GET', url: `/api/public/surveys/${campaign.openLink.token}` })).json();
    expect(form.questions).toHaveLength(10);
    expect(form.agencies).toHaveLength(3);

    const again = await seedDemo(t.database, { catalogExtension: false });
    expect(again.added.find((a) => a.name === 'feedback')!.rows).toBe(0);
    expect((await t.app.inject({ method: 'GET', url: '/api/petitions', headers: leader.headers })).json().total).toBe(3);
  });
});
