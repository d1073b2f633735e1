{{/* Chart name, possibly overridden. */}}
{{- define "cloudward.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Resource name prefix: "<release>-<chart>", or the release name when it already contains the chart name. */}}
{{- define "cloudward.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "cloudward.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Labels that select the release's pods (app and migration pods alike). */}}
{{- define "cloudward.selectorLabels" -}}
app.kubernetes.io/name: {{ include "cloudward.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "cloudward.labels" -}}
helm.sh/chart: {{ include "cloudward.chart" . }}
{{ include "cloudward.selectorLabels" . }}
app.kubernetes.io/version: {{ .Values.image.tag | default .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: cloudward
{{- end }}

{{- define "cloudward.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "cloudward.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{- define "cloudward.image" -}}
{{- printf "%s:%s" .Values.image.repository (.Values.image.tag | default .Chart.AppVersion) }}
{{- end }}

{{/*
Name of the Secret holding one item: the item's own existingSecret, else the Secret the chart creates
(secrets.create), else secrets.existingSecret.
Call with (dict "ctx" $ "item" .Values.x "what" "x").
*/}}
{{- define "cloudward.secretName" -}}
{{- $v := .ctx.Values -}}
{{- $name := .item.existingSecret | default (ternary (include "cloudward.fullname" .ctx) $v.secrets.existingSecret $v.secrets.create) -}}
{{- required (printf "%s: set %s.existingSecret or secrets.existingSecret (or secrets.create)" .what .what) $name -}}
{{- end }}

{{/*
One environment variable read from a Secret.
Call with (dict "ctx" $ "env" "NAME" "item" .Values.x "key" "key-in-secret" "what" "x").
*/}}
{{- define "cloudward.secretEnv" -}}
- name: {{ .env }}
  valueFrom:
    secretKeyRef:
      name: {{ include "cloudward.secretName" (dict "ctx" .ctx "item" .item "what" .what) }}
      key: {{ required (printf "%s: the Secret key for %s is empty" .what .env) .key }}
{{- end }}

{{/* Non-secret settings: the ConfigMap's data, and the migration Job's env (it runs before the ConfigMap exists). */}}
{{- define "cloudward.configData" -}}
CLOUDWARD_DB_URL: {{ .Values.database.url | quote }}
CLOUDWARD_KAFKA_BOOTSTRAP_SERVERS: {{ .Values.kafka.bootstrapServers | quote }}
KAFKA_SECURITY_PROTOCOL: {{ .Values.kafka.securityProtocol | quote }}
{{- if hasPrefix "SASL_" .Values.kafka.securityProtocol }}
KAFKA_SASL_MECHANISM: {{ required "kafka.sasl.mechanism is required with a SASL_* kafka.securityProtocol" .Values.kafka.sasl.mechanism | quote }}
{{- end }}
{{- if .Values.kafka.tls.truststore.existingSecret }}
KAFKA_SSL_TRUSTSTORE_LOCATION: {{ printf "/etc/cloudward/kafka/%s" .Values.kafka.tls.truststore.key | quote }}
KAFKA_SSL_TRUSTSTORE_TYPE: {{ .Values.kafka.tls.truststore.type | quote }}
{{- end }}
CLOUDWARD_OIDC_URL: {{ .Values.oidc.url | quote }}
CLOUDWARD_OIDC_CLIENT_ID: {{ .Values.oidc.clientId | quote }}
CLOUDWARD_SANDBOX_ENABLED: {{ .Values.sandbox.enabled | quote }}
{{- with .Values.aws.principalArn }}
CLOUDWARD_AWS_PRINCIPAL_ARN: {{ . | quote }}
{{- end }}
CLOUDWARD_AWS_STS_REGION: {{ .Values.aws.stsRegion | quote }}
{{- with .Values.aws.roleTemplateUrl }}
CLOUDWARD_AWS_ROLE_TEMPLATE_URL: {{ . | quote }}
{{- end }}
{{- with .Values.aws.stacksetTemplateUrl }}
CLOUDWARD_AWS_STACKSET_TEMPLATE_URL: {{ . | quote }}
{{- end }}
JAVA_OPTS: {{ .Values.javaOpts | quote }}
{{- range $name, $value := .Values.extraConfig }}
{{ $name }}: {{ $value | toString | quote }}
{{- end }}
{{- end }}

{{/* Secret settings every Cloudward process needs, each from a Secret by name and key. */}}
{{- define "cloudward.secretEnvs" -}}
{{- $v := .Values -}}
{{ include "cloudward.secretEnv" (dict "ctx" . "env" "CLOUDWARD_DB_APP_USER" "item" $v.database.app "key" $v.database.app.usernameKey "what" "database.app") }}
{{ include "cloudward.secretEnv" (dict "ctx" . "env" "CLOUDWARD_DB_APP_PASSWORD" "item" $v.database.app "key" $v.database.app.passwordKey "what" "database.app") }}
{{ include "cloudward.secretEnv" (dict "ctx" . "env" "CLOUDWARD_OIDC_CLIENT_SECRET" "item" $v.oidc.clientSecret "key" $v.oidc.clientSecret.key "what" "oidc.clientSecret") }}
{{ include "cloudward.secretEnv" (dict "ctx" . "env" "CLOUDWARD_SESSION_SECRET" "item" $v.session "key" $v.session.key "what" "session") }}
{{ include "cloudward.secretEnv" (dict "ctx" . "env" "CLOUDWARD_SECRETS_KEY" "item" $v.encryption "key" $v.encryption.key "what" "encryption") }}
{{- if hasPrefix "SASL_" $v.kafka.securityProtocol }}
{{- if $v.kafka.sasl.jaasConfigKey }}
{{ include "cloudward.secretEnv" (dict "ctx" . "env" "KAFKA_SASL_JAAS_CONFIG" "item" $v.kafka.sasl "key" $v.kafka.sasl.jaasConfigKey "what" "kafka.sasl") }}
{{- else }}
{{ include "cloudward.secretEnv" (dict "ctx" . "env" "CLOUDWARD_KAFKA_SASL_USERNAME" "item" $v.kafka.sasl "key" $v.kafka.sasl.usernameKey "what" "kafka.sasl") }}
{{ include "cloudward.secretEnv" (dict "ctx" . "env" "CLOUDWARD_KAFKA_SASL_PASSWORD" "item" $v.kafka.sasl "key" $v.kafka.sasl.passwordKey "what" "kafka.sasl") }}
{{- $module := ternary "org.apache.kafka.common.security.plain.PlainLoginModule" "org.apache.kafka.common.security.scram.ScramLoginModule" (eq $v.kafka.sasl.mechanism "PLAIN") }}
# Built by Kubernetes from the two variables above ($(VAR) expansion): no secret value is in the manifest.
- name: KAFKA_SASL_JAAS_CONFIG
  value: {{ printf "%s required username=\"$(CLOUDWARD_KAFKA_SASL_USERNAME)\" password=\"$(CLOUDWARD_KAFKA_SASL_PASSWORD)\";" $module | quote }}
{{- end }}
{{- end }}
{{- if and $v.kafka.tls.truststore.existingSecret $v.kafka.tls.truststore.passwordKey }}
- name: KAFKA_SSL_TRUSTSTORE_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ $v.kafka.tls.truststore.existingSecret }}
      key: {{ $v.kafka.tls.truststore.passwordKey }}
{{- end }}
{{- end }}

{{/* Volumes shared by the app and the migration pods: /tmp, and the Kafka truststore when set. */}}
{{- define "cloudward.volumes" -}}
- name: tmp
  emptyDir:
    sizeLimit: {{ .Values.tmpSizeLimit }}
{{- if .Values.kafka.tls.truststore.existingSecret }}
- name: kafka-truststore
  secret:
    secretName: {{ .Values.kafka.tls.truststore.existingSecret }}
    items:
      - key: {{ .Values.kafka.tls.truststore.key }}
        path: {{ .Values.kafka.tls.truststore.key }}
{{- end }}
{{- end }}

{{- define "cloudward.volumeMounts" -}}
- name: tmp
  mountPath: /tmp
{{- if .Values.kafka.tls.truststore.existingSecret }}
- name: kafka-truststore
  mountPath: /etc/cloudward/kafka
  readOnly: true
{{- end }}
{{- end }}
