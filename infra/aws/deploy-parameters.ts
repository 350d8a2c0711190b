/**
 * The deployment's parameters, from CDK context (`-c name=value`, see the README's
 * deployment section). Checked before anything is built, so a missing or malformed value
 * is named in one clear message rather than found half-way through a deployment.
 */
import * as z from 'zod';

const parameterShape = z.object({
  stage: z.enum(['dev', 'prod'], { error: 'stage must be dev or prod (-c stage=dev)' }),
  /** Who the alarms email (an SNS email subscription they confirm once). */
  alarmEmail: z.email({ error: 'alarmEmail must be an email address' }).optional(),
  /** The site's own domain, with an ACM certificate for it in us-east-1 (CloudFront's region). */
  domainName: z
    .string()
    .regex(/^(?!-)[a-z0-9-]+(\.[a-z0-9-]+)+$/, { error: 'domainName must be a host name such as reports.example.gov.uk' })
    .optional(),
  certificateArn: z
    .string()
    .regex(/^arn:aws:acm:us-east-1:\d{12}:certificate\/[\w-]+$/, {
      error: 'certificateArn must be an ACM certificate in us-east-1 (CloudFront only uses certificates from there)',
    })
    .optional(),
  /** The region for data and functions; CloudFront's firewall always lives in us-east-1. */
  region: z
    .string()
    .regex(/^[a-z]{2}-[a-z]+-\d$/, { error: 'region must be an AWS region such as eu-west-2' })
    .default('eu-west-2'),
});

/** The context keys the app reads (`-c name=value`). */
export const PARAMETER_NAMES = Object.keys(parameterShape.shape);

const parametersSchema = parameterShape.check((ctx) => {
  const p = ctx.value;
  if (Boolean(p.domainName) !== Boolean(p.certificateArn))
    ctx.issues.push({ code: 'custom', input: p, message: 'domainName and certificateArn go together: give both or neither' });
  if (p.stage === 'prod') {
    if (!p.domainName)
      ctx.issues.push({ code: 'custom', input: p, message: 'prod needs the site’s own domain: -c domainName=… -c certificateArn=…' });
    if (!p.alarmEmail) ctx.issues.push({ code: 'custom', input: p, message: 'prod needs someone to receive alarms: -c alarmEmail=…' });
  }
});

export type DeployParameters = z.infer<typeof parametersSchema>;

/** Parses the context values; throws one error naming every problem. */
export function parseDeployParameters(context: Record<string, unknown>): DeployParameters {
  const result = parametersSchema.safeParse(Object.fromEntries(Object.entries(context).filter(([, v]) => v !== undefined && v !== '')));
  if (!result.success) throw new Error(`Deployment parameters:\n${result.error.issues.map((i) => `  - ${i.message}`).join('\n')}`);
  return result.data;
}

/** The public address residents use: the own domain, or CloudFront's (known only after deploy). */
export function siteUrlFor(parameters: Pick<DeployParameters, 'domainName'>, distributionDomainName: string): string {
  return `https://${parameters.domainName ?? distributionDomainName}`;
}

/**
 * The stacks of one partnership's stage: named by the pack's id, so one AWS account holds
 * several partnerships (a county and its districts) side by side, each with its own tables,
 * user pool, site bucket and alarms.
 */
export function stackNames(partnershipId: string, stage: DeployParameters['stage']): { edge: string; portal: string } {
  return { edge: `CspPortalEdge-${partnershipId}-${stage}`, portal: `CspPortal-${partnershipId}-${stage}` };
}
