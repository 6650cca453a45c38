// All message files, one per namespace and locale. Adding a namespace: create
// messages/en/<ns>.json and messages/es/<ns>.json and list both here.
import type { Locale } from "./locales";
import type { Messages } from "./translate";

import enCommon from "./messages/en/common.json";
import esCommon from "./messages/es/common.json";
import enErrors from "./messages/en/errors.json";
import esErrors from "./messages/es/errors.json";
import enAuth from "./messages/en/auth.json";
import esAuth from "./messages/es/auth.json";
import enArea from "./messages/en/area.json";
import esArea from "./messages/es/area.json";
import enMail from "./messages/en/mail.json";
import esMail from "./messages/es/mail.json";
import enDirectory from "./messages/en/directory.json";
import esDirectory from "./messages/es/directory.json";
import enAdmin from "./messages/en/admin.json";
import esAdmin from "./messages/es/admin.json";
import enAudit from "./messages/en/audit.json";
import esAudit from "./messages/es/audit.json";
import enPlatform from "./messages/en/platform.json";
import esPlatform from "./messages/es/platform.json";
import enOperations from "./messages/en/operations.json";
import esOperations from "./messages/es/operations.json";
import enConflicts from "./messages/en/conflicts.json";
import esConflicts from "./messages/es/conflicts.json";
import enApi from "./messages/en/api.json";
import esApi from "./messages/es/api.json";
import enNotices from "./messages/en/notices.json";
import esNotices from "./messages/es/notices.json";
import enGeo from "./messages/en/geo.json";
import esGeo from "./messages/es/geo.json";
import enRequests from "./messages/en/requests.json";
import esRequests from "./messages/es/requests.json";
import enActionLinks from "./messages/en/actionLinks.json";
import esActionLinks from "./messages/es/actionLinks.json";
import enAuditlog from "./messages/en/auditlog.json";
import esAuditlog from "./messages/es/auditlog.json";
import enDashboard from "./messages/en/dashboard.json";
import esDashboard from "./messages/es/dashboard.json";
import enFollowUp from "./messages/en/followUp.json";
import esFollowUp from "./messages/es/followUp.json";
import enLists from "./messages/en/lists.json";
import esLists from "./messages/es/lists.json";
import enPublicRecord from "./messages/en/publicRecord.json";
import esPublicRecord from "./messages/es/publicRecord.json";
import enRequestPolicy from "./messages/en/requestPolicy.json";
import esRequestPolicy from "./messages/es/requestPolicy.json";
import enWebhooks from "./messages/en/webhooks.json";
import esWebhooks from "./messages/es/webhooks.json";
import enApiDocs from "./messages/en/apiDocs.json";
import esApiDocs from "./messages/es/apiDocs.json";

export const catalog: Record<Locale, Record<string, Messages>> = {
  en: {
    common: enCommon,
    errors: enErrors,
    auth: enAuth,
    area: enArea,
    mail: enMail,
    directory: enDirectory,
    admin: enAdmin,
    audit: enAudit,
    platform: enPlatform,
    operations: enOperations,
    conflicts: enConflicts,
    api: enApi,
    notices: enNotices,
    geo: enGeo,
    requests: enRequests,
    actionLinks: enActionLinks,
    auditlog: enAuditlog,
    dashboard: enDashboard,
    followUp: enFollowUp,
    lists: enLists,
    publicRecord: enPublicRecord,
    requestPolicy: enRequestPolicy,
    webhooks: enWebhooks,
    apiDocs: enApiDocs,
  },
  es: {
    common: esCommon,
    errors: esErrors,
    auth: esAuth,
    area: esArea,
    mail: esMail,
    directory: esDirectory,
    admin: esAdmin,
    audit: esAudit,
    platform: esPlatform,
    operations: esOperations,
    conflicts: esConflicts,
    api: esApi,
    notices: esNotices,
    geo: esGeo,
    requests: esRequests,
    actionLinks: esActionLinks,
    auditlog: esAuditlog,
    dashboard: esDashboard,
    followUp: esFollowUp,
    lists: esLists,
    publicRecord: esPublicRecord,
    requestPolicy: esRequestPolicy,
    webhooks: esWebhooks,
    apiDocs: esApiDocs,
  },
};

export function messagesFor(locale: Locale): Messages {
  return catalog[locale];
}
