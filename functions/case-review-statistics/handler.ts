/**
 * GET /api/case-reviews/statistics: the ASB Case Review figures the partnership must
 * publish each year, counted from the applications when asked (so the page is never a
 * build's stale copy): a page with a table and a chart, or `?format=csv` the same figures
 * as a spreadsheet. Counts of applications only: nothing here names anyone.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { h } from 'preact';
import { bundledProfile } from '../../shared/config/bundled-profile';
import { formatLondonDateTime } from '../../shared/contracts/london-time';
import { reviewFigures } from '../../shared/domain/case-review-process';
import { toCsv } from '../../shared/domain/csv';
import { CaseReviewStatistics, STATISTICS_TITLE, statisticsCsvRows } from '../../shared/ui/case-review-pages';
import { renderPage } from '../../shared/ui/layout';
import { clockNow } from '../adapters/clock/clock';
import { createCaseReviewStore } from '../adapters/dynamodb/case-review-store';
import { dynamoDbClient } from '../adapters/dynamodb/client';
import { httpHandler } from '../adapters/http/middleware';
import { html, jsonMessage, type HttpResult } from '../adapters/http/responses';
import type { CaseReviewStore } from '../case-reviews/ports';
import { config, perRuntime } from '../config';

export interface StatisticsDependencies {
  store: Pick<CaseReviewStore, 'listings'>;
  partnershipName: string;
  now: () => Date;
}

export async function handleStatistics(deps: StatisticsDependencies, event: APIGatewayProxyEventV2): Promise<HttpResult> {
  const format = event.queryStringParameters?.format ?? 'html';
  if (format !== 'html' && format !== 'csv') return jsonMessage(400, 'format must be html or csv');
  const years = reviewFigures(await deps.store.listings());
  if (format === 'csv') {
    const { header, rows } = statisticsCsvRows(years);
    return {
      statusCode: 200,
      headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': 'attachment; filename="case-review-figures.csv"' },
      body: toCsv(header, rows),
    };
  }
  const asOf = `as they stood at ${formatLondonDateTime(deps.now().toISOString())}`;
  return html(
    200,
    renderPage({
      title: STATISTICS_TITLE,
      partnershipName: deps.partnershipName,
      forms: false,
      body: h(CaseReviewStatistics, { years, asOf }),
    }),
  );
}

const runtimeDependencies = perRuntime(
  (): StatisticsDependencies => ({
    store: createCaseReviewStore(dynamoDbClient(), config().TABLE_NAME),
    partnershipName: bundledProfile.name,
    now: clockNow,
  }),
);

export const handler = httpHandler((event) => handleStatistics(runtimeDependencies(), event), bundledProfile.name);
