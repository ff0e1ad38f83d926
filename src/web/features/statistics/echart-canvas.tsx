/**
 * The one module that imports ECharts: only the core, the three chart types and the components the statistics
 * pages draw, rendered as SVG (sharp text at any zoom, printable). Loaded lazily by chart.tsx, so neither the portal
 * home nor a page's first paint waits for it.
 */
import { useEffect, useRef } from 'react';
import { init, use, type ComposeOption, type ECharts } from 'echarts/core';
import { BarChart, LineChart, PieChart, type BarSeriesOption, type LineSeriesOption, type PieSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  TooltipComponent,
  type GridComponentOption,
  type LegendComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export type ChartOption = ComposeOption<BarSeriesOption | LineSeriesOption | PieSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption>;

export interface EChartCanvasProps {
  option: ChartOption;
  height: number;
  /** Called with the index of the clicked data item (bars, pie slices). */
  onItemClick?: ((dataIndex: number) => void) | undefined;
}

export default function EChartCanvas({ option, height, onItemClick }: EChartCanvasProps) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const click = useRef(onItemClick);
  click.current = onItemClick;

  useEffect(() => {
    const el = element.current;
    if (!el) return;
    const instance = init(el, null, { renderer: 'svg' });
    chart.current = instance;
    instance.on('click', (params) => {
      if (typeof params.dataIndex === 'number') click.current?.(params.dataIndex);
    });
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    // The page's font family read from the element: ECharts measures label widths with it (a keyword such as
    // 'inherit' would be measured in a default font and legends would overlap).
    const fontFamily = element.current ? getComputedStyle(element.current).fontFamily : undefined;
    chart.current?.setOption({ textStyle: { fontFamily, fontSize: 12, color: '#374151' }, animation: false, ...option }, true);
  }, [option]);

  return <div ref={element} style={{ width: '100%', height }} />;
}
