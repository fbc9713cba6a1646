package verify

import "fmt"

// Reason codes (CONTRACT §4).
const (
	CodeDocumentMissing      = "DOCUMENT_MISSING"
	CodeFileUnsupported      = "FILE_UNSUPPORTED"
	CodeFileTooLarge         = "FILE_TOO_LARGE"
	CodeDocumentUnreadable   = "DOCUMENT_UNREADABLE"
	CodeDocumentWrongType    = "DOCUMENT_WRONG_TYPE"
	CodeEnterpriseTypeUnsupp = "ENTERPRISE_TYPE_UNSUPPORTED"
	CodeFieldMismatch        = "FIELD_MISMATCH"
	CodeLegalRepMismatch     = "LEGAL_REP_MISMATCH"
	CodeIdentifierInvalid    = "IDENTIFIER_INVALID"
	CodeDocumentExpired      = "DOCUMENT_EXPIRED"
	CodeStampMissing         = "STAMP_MISSING"
	CodeImageMirrored        = "IMAGE_MIRRORED"
	// CodeStampEnterpriseMismatch extends the contract (issue #3): the
	// company stamp's arc text names another enterprise.
	CodeStampEnterpriseMismatch = "STAMP_ENTERPRISE_MISMATCH"
	CodeTemplateModified        = "TEMPLATE_MODIFIED"
	CodeActualUserNameMismatch  = "ACTUAL_USER_NAME_MISMATCH"
	CodeLetterAdminMismatch     = "LETTER_ADMIN_MISMATCH"
	CodeLetterIncomplete        = "LETTER_INCOMPLETE"
	CodeLetterDateMismatch      = "LETTER_DATE_MISMATCH"
	CodeLetterDateStale         = "LETTER_DATE_STALE"
	CodeLetterDateFuture        = "LETTER_DATE_FUTURE"
	CodeRemarksInsufficient     = "REMARKS_INSUFFICIENT"
	CodeLowConfidence           = "LOW_CONFIDENCE"
	CodeLicenseScopeInsuff      = "LICENSE_SCOPE_INSUFFICIENT"
	CodeRegisteredCapitalInsuff = "REGISTERED_CAPITAL_INSUFFICIENT"
	CodeDuplicateQualification  = "DUPLICATE_QUALIFICATION"
	CodeExpiringSoon            = "EXPIRING_SOON"
	// CodeApplicationInvalid extends the contract: the folder has no
	// readable application.json, so nothing else could be checked.
	CodeApplicationInvalid = "APPLICATION_INVALID"
	// CodeVerificationFailed extends the contract: the service could not
	// verify the application (its files were lost, or verification kept
	// failing); a human must review it.
	CodeVerificationFailed = "VERIFICATION_FAILED"
)

// reasonText is a code's severity and its message templates; %s takes the
// role's or field's display name.
type reasonText struct {
	severity string
	zh, en   string
}

var catalogue = map[string]reasonText{
	CodeDocumentMissing:         {SeverityReject, "缺少%s", "The %s is missing"},
	CodeFileUnsupported:         {SeverityReject, "%s文件格式不支持或已损坏", "The %s file is not a JPG, PNG, GIF or PDF, or cannot be decoded"},
	CodeFileTooLarge:            {SeverityReject, "%s文件超过5MB", "The %s file is larger than 5 MB"},
	CodeDocumentUnreadable:      {SeverityReject, "%s模糊、过暗或过小，无法识别", "The %s is too blurred, dark or small to read"},
	CodeDocumentWrongType:       {SeverityReject, "%s上传的不是该证件（或为证件另一面）", "The %s upload shows another document or the other side of the card"},
	CodeEnterpriseTypeUnsupp:    {SeverityReject, "企业类型不支持（个体工商户、个人独资或自然人独资）：%s", "Enterprise type not accepted (self-employed, sole proprietorship or individual-owned): %s"},
	CodeFieldMismatch:           {SeverityReject, "%s与证件不一致", "The entered %s differs from the document"},
	CodeLegalRepMismatch:        {SeverityReject, "法定代表人身份证与营业执照法定代表人不一致%s", "The legal representative's ID does not name the certificate's legal representative%s"},
	CodeIdentifierInvalid:       {SeverityReject, "%s校验位或结构错误", "The %s fails its check digit or structure"},
	CodeDocumentExpired:         {SeverityReject, "%s已过有效期", "The %s had expired before the submission date"},
	CodeStampMissing:            {SeverityReject, "%s未加盖企业公章", "The %s carries no company stamp"},
	CodeImageMirrored:           {SeverityReject, "%s图片为镜像", "The %s image is mirrored"},
	CodeStampEnterpriseMismatch: {SeverityReject, "%s所盖印章不是本企业公章", "The stamp on the %s names another enterprise"},
	CodeTemplateModified:        {SeverityReject, "%s非官方模板或模板内容被修改", "The %s departs from the official template"},
	CodeActualUserNameMismatch:  {SeverityReject, "电信入网承诺书实际用户名称不是企业名称%s", "The commitment letter's actual user name is not the enterprise name%s"},
	CodeLetterAdminMismatch:     {SeverityReject, "号码申请公函管理员信息与管理员身份证不一致%s", "The application letter's administrator differs from the administrator's ID card%s"},
	CodeLetterIncomplete:        {SeverityReject, "%s信息不完整", "A blank of the %s is left empty"},
	CodeLetterDateMismatch:      {SeverityReject, "%s落款日期与填写日期不一致", "The %s date differs from the date entered in the form"},
	CodeLetterDateStale:         {SeverityReject, "%s落款日期早于提交日前三个自然月", "The %s was signed more than three calendar months before submission"},
	CodeLetterDateFuture:        {SeverityReject, "%s落款日期晚于提交日期", "The %s is dated after the submission date"},
	CodeRemarksInsufficient:     {SeverityReview, "备注未说明业务场景和外呼话术%s", "The remarks name no business scenario and no call script%s"},
	CodeLowConfidence:           {SeverityReview, "%s识别置信度不足，需人工核对", "The %s could not be read with enough confidence to decide"},
	CodeLicenseScopeInsuff:      {SeverityReject, "%s业务范围不满足要求", "The %s does not cover the required service or area"},
	CodeRegisteredCapitalInsuff: {SeverityReject, "注册资本低于1000万元%s", "Registered capital is under 10 million CNY%s"},
	CodeDuplicateQualification:  {SeverityInfo, "该企业及管理员已有资质%s，本次申请将替代原资质", "The same enterprise and administrator already hold a qualification%s, which this one supersedes"},
	CodeApplicationInvalid:      {SeverityReject, "申请信息（application.json）缺失或无法解析%s", "application.json is missing or cannot be parsed%s"},
	CodeVerificationFailed:      {SeverityReview, "无法自动核验，需人工审核%s", "The application could not be verified automatically%s"},
	CodeExpiringSoon:            {SeverityInfo, "%s将在7天内到期", "The %s expires within 7 days of the submission date"},
}

// Severity returns a code's severity from the catalogue.
func Severity(code string) string { return catalogue[code].severity }

// newReason builds a reason from the catalogue; subject fills the
// message's placeholder (a role's or field's name, or extra detail).
func newReason(code, role, field string, zhSubject, enSubject string) Reason {
	t, ok := catalogue[code]
	if !ok {
		panic(fmt.Sprintf("verify: reason code %q not in catalogue", code))
	}
	return Reason{
		Code: code, Severity: t.severity, Role: role, Field: field,
		MessageZH: fmt.Sprintf(t.zh, zhSubject), MessageEN: fmt.Sprintf(t.en, enSubject),
	}
}

// roleReason is a reason about a document, named by its role.
func roleReason(code, role string) Reason {
	return newReason(code, role, "", RoleNameZH(role), RoleNameEN(role))
}

// fieldReason is a reason about a form field, named by its field.
func fieldReason(code, role, field string) Reason {
	return newReason(code, role, field, FieldNameZH(field), FieldNameEN(field))
}

var roleNames = map[string][2]string{
	RoleEnterpriseCertificate: {"企业证件（营业执照）", "enterprise certificate"},
	RoleLegalRepIDFront:       {"法定代表人身份证人像面", "legal representative's ID card (front)"},
	RoleLegalRepIDBack:        {"法定代表人身份证国徽面", "legal representative's ID card (back)"},
	RoleAdminIDFront:          {"管理员身份证人像面", "administrator's ID card (front)"},
	RoleAdminIDBack:           {"管理员身份证国徽面", "administrator's ID card (back)"},
	RoleAdminIDHandheld:       {"管理员手持身份证照片", "administrator's handheld ID photo"},
	RoleCommitmentLetter:      {"电信入网承诺书", "commitment letter"},
	RoleApplicationLetter:     {"号码申请公函", "application letter"},
	RoleTaxRegistration:       {"税务登记证", "tax registration certificate"},
	RoleOrganizationCode:      {"组织机构代码证", "organisation code certificate"},
	RoleTelecomLicense:        {"增值电信业务经营许可证", "value-added telecom licence"},
	RoleOther:                 {"其他材料", "other document"},
	RolePacket:                {"扫描件合集", "scanned packet"},
}

var fieldNames = map[string][2]string{
	FieldEnterpriseName:        {"企业名称", "enterprise name"},
	FieldOrganizationCode:      {"统一社会信用代码", "unified social credit code"},
	FieldEnterpriseType:        {"企业类型", "enterprise type"},
	FieldEnterpriseAddress:     {"企业地址", "enterprise address"},
	FieldBusinessTermStart:     {"营业期限起始日", "business term start"},
	FieldBusinessTermEnd:       {"营业期限截止日", "business term end"},
	FieldLegalRepName:          {"法定代表人姓名", "legal representative's name"},
	FieldLegalRepIDNumber:      {"法定代表人身份证号码", "legal representative's ID number"},
	FieldLegalRepIDValidFrom:   {"法定代表人身份证有效期起始日", "legal representative's ID valid-from date"},
	FieldLegalRepIDValidTo:     {"法定代表人身份证有效期截止日", "legal representative's ID valid-to date"},
	FieldAdminName:             {"管理员姓名", "administrator's name"},
	FieldAdminIDNumber:         {"管理员身份证号码", "administrator's ID number"},
	FieldAdminIDValidFrom:      {"管理员身份证有效期起始日", "administrator's ID valid-from date"},
	FieldAdminIDValidTo:        {"管理员身份证有效期截止日", "administrator's ID valid-to date"},
	FieldAdminPhone:            {"管理员联系电话", "administrator's phone"},
	FieldApplicationLetterDate: {"号码申请公函日期", "application letter date"},
	FieldCommitmentLetterDate:  {"入网承诺书日期", "commitment letter date"},
	FieldRemarks:               {"备注", "remarks"},
	FieldActualUserName:        {"实际用户名称", "actual user name"},
}

// RoleNameZH is a role's Chinese display name.
func RoleNameZH(role string) string { return nameOr(roleNames, role, 0) }

// RoleNameEN is a role's English display name.
func RoleNameEN(role string) string { return nameOr(roleNames, role, 1) }

// FieldNameZH is a field's Chinese display name.
func FieldNameZH(field string) string { return nameOr(fieldNames, field, 0) }

// FieldNameEN is a field's English display name.
func FieldNameEN(field string) string { return nameOr(fieldNames, field, 1) }

func nameOr(m map[string][2]string, key string, i int) string {
	if n, ok := m[key]; ok {
		return n[i]
	}
	return key
}
