namespace IncidentPortal.Features.Catalog;

/// <summary>Incident category; a category with a parent is a subcategory ("Network › VPN").</summary>
public class Category
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public int? ParentId { get; set; }
    public Category? Parent { get; set; }
    public List<Category> Children { get; } = [];
    public bool IsActive { get; set; } = true;

    public string FullName => Parent is null ? Name : $"{Parent.Name} › {Name}";
}
