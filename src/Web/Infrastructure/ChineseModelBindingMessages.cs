using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace Bangfu.Web.Infrastructure;

/// <summary>
/// The model binder's own messages in Chinese. They appear when a form value cannot be converted at all (text in a
/// number or id field, an option that is not in the list) — normally only for tampered or malformed posts, as the forms
/// offer valid choices — and must not reach users as English framework text. They name no field (the property names are
/// English) and are shown beside the field they concern.
/// </summary>
public static class ChineseModelBindingMessages
{
    public static void Apply(DefaultModelBindingMessageProvider m)
    {
        m.SetAttemptedValueIsInvalidAccessor((value, _) => $"“{value}”不是有效的值，请重新选择或填写。");
        m.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"“{value}”不是有效的值，请重新选择或填写。");
        m.SetValueIsInvalidAccessor(value => $"“{value}”不是有效的值，请重新选择或填写。");
        m.SetUnknownValueIsInvalidAccessor(_ => "填写的值无效，请重新选择或填写。");
        m.SetNonPropertyUnknownValueIsInvalidAccessor(() => "填写的值无效，请重新选择或填写。");
        m.SetValueMustBeANumberAccessor(_ => "请填写数字。");
        m.SetNonPropertyValueMustBeANumberAccessor(() => "请填写数字。");
        m.SetValueMustNotBeNullAccessor(_ => "此项不能为空。");
        m.SetMissingBindRequiredValueAccessor(_ => "缺少必填项。");
        m.SetMissingKeyOrValueAccessor(() => "缺少必填项。");
        m.SetMissingRequestBodyRequiredValueAccessor(() => "请求内容不能为空。");
    }
}
