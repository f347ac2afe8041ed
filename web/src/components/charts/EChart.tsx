import { useEffect, useRef } from 'react';
import { echarts, type ChartInstance, type ChartOption } from './echarts';

export interface ChartItemEvent {
  name: string;
  dataIndex: number;
  seriesIndex: number;
}

interface EChartProps {
  option: ChartOption;
  height: number;
  /** What the chart shows, for screen readers (the chart's table is the accessible equivalent). */
  label: string;
  onItemClick?: (item: ChartItemEvent) => void;
  /** Receives the instance once drawn (for the PNG download), and null when it is gone. */
  onInstance?: (chart: ChartInstance | null) => void;
}

/** An ECharts chart drawn on a canvas that follows its container's width. */
export function EChart({ option, height, label, onItemClick, onInstance }: EChartProps) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<ChartInstance | null>(null);
  const click = useRef(onItemClick);
  const instance = useRef(onInstance);
  // The latest handlers, without drawing the chart again when they change.
  useEffect(() => {
    click.current = onItemClick;
    instance.current = onInstance;
  });

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const drawn = echarts.init(element, null, { renderer: 'canvas' });
    chart.current = drawn;
    drawn.on('click', (params) => {
      const { name, dataIndex, seriesIndex } = params as {
        name: string;
        dataIndex: number;
        seriesIndex: number;
      };
      click.current?.({ name, dataIndex, seriesIndex });
    });
    const observer = new ResizeObserver(() => drawn.resize());
    observer.observe(element);
    instance.current?.(drawn);
    return () => {
      observer.disconnect();
      instance.current?.(null);
      drawn.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return (
    <div
      ref={container}
      role="img"
      aria-label={label}
      style={{ width: '100%', height, cursor: onItemClick ? 'pointer' : undefined }}
    />
  );
}
