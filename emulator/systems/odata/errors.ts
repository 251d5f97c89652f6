// OData errors as SAP Gateway sends them: V2 `error.code`, `error.message.{lang,value}`,
// `innererror.errordetails`; V4 `error.{code,message,target,details}`. Everything a request can get
// wrong becomes one of these: a client sees which option, property or key was the problem.
import { randomUUID } from 'node:crypto';
import type { ODataVersion } from '../edm/model.js';

export interface ErrorDetail {
  code: string;
  message: string;
  target?: string;
  severity?: 'error' | 'warning' | 'info';
}

export class ODataError extends Error {
  override name = 'ODataError';

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const badRequest = (message: string, code = '/IWBEP/CM_MGW_RT/021'): ODataError =>
  new ODataError(400, code, message);
export const notFound = (message: string): ODataError => new ODataError(404, '/IWBEP/CM_MGW_RT/020', message);
export const methodNotAllowed = (message: string): ODataError =>
  new ODataError(405, '/IWBEP/CM_MGW_RT/100', message);

export function errorBody(error: ODataError, version: ODataVersion): string {
  const details = error.details.map((d) => ({
    code: d.code,
    message: d.message,
    target: d.target ?? '',
    severity: d.severity ?? 'error',
  }));
  if (version === 'v4') {
    return JSON.stringify({
      error: {
        code: error.code,
        message: error.message,
        ...(details.length > 0
          ? { details: details.map(({ code, message, target }) => ({ code, message, target })) }
          : {}),
      },
    });
  }
  return JSON.stringify({
    error: {
      code: error.code,
      message: { lang: 'en', value: error.message },
      innererror: {
        application: {
          component_id: '',
          service_namespace: '/SAP/',
          service_id: '',
          service_version: '0001',
        },
        transactionid: randomUUID().replaceAll('-', '').toUpperCase(),
        timestamp: timestamp(),
        Error_Resolution: {
          SAP_Transaction:
            'For backend administrators: use ADT feed reader "SAP Gateway Error Log" or run transaction /IWFND/ERROR_LOG',
          SAP_Note:
            'See SAP Note 1797736 for error analysis (https://service.sap.com/sap/support/notes/1797736)',
        },
        errordetails:
          details.length > 0
            ? details
            : [{ code: error.code, message: error.message, propertyref: '', severity: 'error', target: '' }],
      },
    },
  });
}

function timestamp(): string {
  return (
    new Date()
      .toISOString()
      .replace(/[-:TZ.]/g, '')
      .slice(0, 14) + '.0000000'
  );
}
