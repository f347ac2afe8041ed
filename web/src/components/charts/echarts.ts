import { BarChart, HeatmapChart, LineChart, MapChart } from 'echarts/charts';
import {
  AriaComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';

/*
 * Only the parts of ECharts the dashboards use, so its chunk stays small. The canvas draws on screen
 * and the PNG download; the SVG renderer draws the SVG download, off screen.
 */
echarts.use([
  BarChart,
  HeatmapChart,
  LineChart,
  MapChart,
  AriaComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapComponent,
  CanvasRenderer,
  SVGRenderer,
]);

export { echarts };
export type { EChartsCoreOption as ChartOption, EChartsType as ChartInstance } from 'echarts/core';
