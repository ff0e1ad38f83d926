/**
 * A chart whose library loads only when a chart is first shown. The figure is an image to assistive technology,
 * described by `label`; every chart on these pages has the same figures in a table next to it.
 */
import { lazy, Suspense } from 'react';
import { Skeleton } from 'antd';
import type { ChartOption } from './echart-canvas';

export type { ChartOption };

const EChartCanvas = lazy(() => import('./echart-canvas'));

export function Chart({ option, label, height = 300, onItemClick }: { option: ChartOption; label: string; height?: number; onItemClick?: (dataIndex: number) => void }) {
  return (
    <figure className="stat-chart" role="img" aria-label={label} style={{ margin: 0, minHeight: height }}>
      <Suspense fallback={<Skeleton.Node active style={{ width: '100%', height }} />}>
        <EChartCanvas option={option} height={height} onItemClick={onItemClick} />
      </Suspense>
    </figure>
  );
}
